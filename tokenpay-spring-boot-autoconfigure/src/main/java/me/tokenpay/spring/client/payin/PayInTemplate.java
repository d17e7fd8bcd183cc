package me.tokenpay.spring.client.payin;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.currency.CurrencyDecimals;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.OutTradeNumbers;
import me.tokenpay.spring.client.operation.OutcomeResolver;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.RequestChecks;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * {@link PayInOperations} on a {@link TokenPayExchange}: three descriptors, the
 * resolution of creates whose outcome is unknown, and closes that are already done.
 *
 * @author TokenPay Spring Boot team
 */
public final class PayInTemplate implements PayInOperations {

	/**
	 * Create Pay-in order: not idempotent, so never sent twice by a retry.
	 */
	public static final OperationDescriptor<Prepayment> CREATE_PAY_IN = OperationDescriptor.post("create-pay-in",
			"/v1/transaction/prepayment", Idempotency.NOT_IDEMPOTENT, Prepayment.DECODER);

	/**
	 * Pay-in query: a safe read, a signed {@code POST} with its id in the query string as
	 * TokenPay's field table says.
	 */
	public static final OperationDescriptor<Transaction> QUERY_PAY_IN = OperationDescriptor
		.post("query-pay-in", "/v1/transaction/query", Idempotency.SAFE, new TransactionDecoder())
		.withRequestShape(HttpMethod.POST, ParameterLocation.QUERY);

	/**
	 * Close Pay-in order: idempotent, an order already closed is success.
	 */
	public static final OperationDescriptor<ResponseEnvelope> CLOSE_PAY_IN = OperationDescriptor.post("close-pay-in",
			"/v1/transaction/close", Idempotency.IDEMPOTENT, (envelope) -> envelope);

	/**
	 * The pay-in operations, as declared here.
	 */
	public static final List<OperationDescriptor<?>> OPERATIONS = List.of(CREATE_PAY_IN, QUERY_PAY_IN, CLOSE_PAY_IN);

	private final TokenPayExchange exchange;

	private final PayInSettings settings;

	private final CurrencyDecimals decimals;

	private final URI baseUrl;

	private final Clock clock;

	private final OutcomeResolver resolver;

	/**
	 * Create pay-in operations.
	 * @param exchange the exchange that runs the calls
	 * @param settings the pay-in settings
	 * @param decimals the decimals of currencies, to check amounts and to send them in
	 * minor units
	 * @param baseUrl the base URL that relative payment URLs are resolved against
	 * @param clock the clock that dates the expiry of created orders
	 */
	public PayInTemplate(TokenPayExchange exchange, PayInSettings settings, CurrencyDecimals decimals, URI baseUrl,
			Clock clock) {
		this.exchange = exchange;
		this.settings = settings;
		this.decimals = decimals;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.resolver = new OutcomeResolver(settings.resolveAttempts(), settings.resolveDelay());
	}

	@Override
	public PayInOrder create(CreatePayInRequest request) {
		Assert.notNull(request, "Request must not be null");
		String requested = request.outTradeNo();
		String outTradeNo = (requested != null) ? requested : OutTradeNumbers.generate();
		OperationRequest call = OperationRequest.about(outTradeNo)
			.bound(AnswerField.OUT_TRADE_NO, outTradeNo)
			.parameter("amount", amount(request))
			.expect(AnswerField.AMOUNT, request.amount())
			.parameter("chain", request.chain().value())
			.expect(AnswerField.CHAIN, request.chain())
			.bound(AnswerField.CURRENCY, request.currency())
			.parameter("expire_second", request.expireSecond())
			.parameter("order_type", request.orderType())
			.bound(AnswerField.TO_ADDRESS, request.toAddress())
			.parameter("description", request.description())
			.parameter("attach", request.attach())
			.parameter("locale", request.locale())
			.parameter("notify_url", request.notifyUrl())
			.parameter("return_url", request.returnUrl())
			.build();
		Instant sent = this.clock.instant();
		return this.resolver.createOnce(CREATE_PAY_IN.name(), call, () -> {
			Prepayment prepayment = this.exchange.call(CREATE_PAY_IN, call);
			Instant expiresAt = prepayment.expireTime();
			return new PayInOrder(outTradeNo, prepayment.prepayId(), paymentUrl(prepayment.paymentUrl()),
					(expiresAt != null) ? expiresAt : sent.plusSeconds(request.expireSecond()), null);
		}, () -> getByOutTradeNo(outTradeNo), "payIns().getByOutTradeNo(\"" + outTradeNo + "\")",
				(found) -> new PayInOrder(outTradeNo, null, null, found.expireTime(), found),
				(rejection, found) -> new PayInConflictException(rejection, outTradeNo, found));
	}

	@Override
	public Transaction get(PayInQuery query) {
		Assert.notNull(query, "Query must not be null");
		return this.exchange.call(QUERY_PAY_IN, query.call());
	}

	@Override
	public PayInClosure close(String transactionId) {
		RequestChecks.token("transactionId", transactionId, 64);
		OperationRequest call = OperationRequest.about(transactionId)
			.parameter("transaction_id", transactionId)
			.build();
		try {
			return new PayInClosure(transactionId, false, this.exchange.call(CLOSE_PAY_IN, call).requestId());
		}
		catch (TokenPayApiException ex) {
			if (!this.settings.notClosableCodes().contains(ex.getCode())) {
				throw ex;
			}
			return closed(transactionId, ex);
		}
	}

	private Object amount(CreatePayInRequest request) {
		BigDecimal amount = request.amount();
		PayInAmountFormat format = this.settings.amountFormat();
		Integer scale = (format == PayInAmountFormat.MINOR_UNITS)
				? this.decimals.decimals(request.chain(), request.currency())
				: this.decimals.knownDecimals(request.chain(), request.currency());
		if (scale != null) {
			RequestChecks.amount("amount", amount, scale);
		}
		return switch (format) {
			case NUMBER -> amount;
			case STRING -> amount.toPlainString();
			case MINOR_UNITS -> {
				if (scale == null) {
					throw new TokenPayInvalidRequestException("currency", "currency " + request.currency() + " on "
							+ request.chain() + " is not in TokenPay's currency list, so its minor units are unknown");
				}
				yield amount.movePointRight(scale).toBigIntegerExact();
			}
		};
	}

	/**
	 * Resolve a payment URL against the base URL; anything but an http(s) URL is dropped
	 * rather than handed to a customer.
	 */
	private @Nullable URI paymentUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI resolved = this.baseUrl.resolve(new URI(url.trim()));
			String scheme = resolved.getScheme();
			boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
			return (web && resolved.getHost() != null) ? resolved : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The gateway refused the close as no longer open: success if the order is closed.
	 */
	private PayInClosure closed(String transactionId, TokenPayApiException refusal) {
		Transaction order;
		try {
			order = get(PayInQuery.byTransactionId(transactionId));
		}
		catch (TokenPayException ex) {
			refusal.addSuppressed(ex);
			throw refusal;
		}
		if (TradeState.CLOSED.equals(order.tradeState())) {
			return new PayInClosure(transactionId, true, refusal.getRequestId());
		}
		throw new PayInNotClosableException(refusal, order);
	}

}
