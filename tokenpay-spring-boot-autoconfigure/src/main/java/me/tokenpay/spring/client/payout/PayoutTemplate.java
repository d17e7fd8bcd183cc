package me.tokenpay.spring.client.payout;

import java.util.List;
import java.util.Set;

import me.tokenpay.spring.client.currency.CurrencyDecimals;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.OutTradeNumbers;
import me.tokenpay.spring.client.operation.OutcomeResolver;
import me.tokenpay.spring.client.operation.RequestChecks;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link PayoutOperations} on a {@link TokenPayExchange}: three descriptors and the
 * resolution of creates whose outcome is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public final class PayoutTemplate implements PayoutOperations {

	/**
	 * Create Payout: not idempotent, so never sent twice by a retry.
	 */
	public static final OperationDescriptor<Payout> CREATE_PAYOUT = OperationDescriptor.post("create-payout",
			"/v1/payanother/payment", Idempotency.NOT_IDEMPOTENT, new PayoutDecoder());

	/**
	 * Payout query: a safe read.
	 */
	public static final OperationDescriptor<Payout> QUERY_PAYOUT = OperationDescriptor.post("query-payout",
			"/v1/payanother/query", Idempotency.SAFE, new PayoutDecoder());

	/**
	 * Cancel Payout: idempotent; 20005 (no longer open) after an attempt whose outcome is
	 * unknown means the call's outcome is unknown.
	 */
	public static final OperationDescriptor<CancelPayoutResponse> CANCEL_PAYOUT = OperationDescriptor
		.post("cancel-payout", "/v1/payanother/close", Idempotency.IDEMPOTENT,
				(envelope) -> new CancelPayoutResponse(envelope.code(), envelope.msg(), envelope.requestId()))
		.withAlreadyAppliedCodes(Set.of(20005));

	/**
	 * The payout operations, as declared here.
	 */
	public static final List<OperationDescriptor<?>> OPERATIONS = List.of(CREATE_PAYOUT, QUERY_PAYOUT, CANCEL_PAYOUT);

	private final TokenPayExchange exchange;

	private final PayoutSettings settings;

	private final CurrencyDecimals decimals;

	private final OutcomeResolver resolver;

	private final OperationDescriptor<CancelPayoutResponse> cancel;

	/**
	 * Create payout operations.
	 * @param exchange the exchange that runs the calls
	 * @param settings the payout settings
	 * @param decimals the decimals of currencies known without a call, to refuse amounts
	 * with too many decimal places before sending them
	 */
	public PayoutTemplate(TokenPayExchange exchange, PayoutSettings settings, CurrencyDecimals decimals) {
		this.exchange = exchange;
		this.settings = settings;
		this.decimals = decimals;
		this.resolver = new OutcomeResolver(settings.resolveAttempts(), settings.resolveDelay());
		this.cancel = CANCEL_PAYOUT.withAlreadyAppliedCodes(settings.notOpenCodes());
	}

	@Override
	public Payout create(CreatePayoutRequest request) {
		Assert.notNull(request, "Request must not be null");
		Integer scale = this.decimals.knownDecimals(request.chain(), request.currency());
		if (scale != null) {
			RequestChecks.amount("amount", request.amount(), scale);
		}
		String requested = request.outTradeNo();
		String outTradeNo = (requested != null) ? requested : OutTradeNumbers.generate();
		OperationRequest call = OperationRequest.about(outTradeNo)
			.bound(AnswerField.OUT_TRADE_NO, outTradeNo)
			.parameter("amount", request.amount().toPlainString())
			.expect(AnswerField.AMOUNT, request.amount())
			.parameter("chain", request.chain().value())
			.expect(AnswerField.CHAIN, request.chain())
			.bound(AnswerField.CURRENCY, request.currency())
			.bound(AnswerField.TO_ADDRESS, request.toAddress())
			.parameter("description", request.description())
			.parameter("attach", request.attach())
			.parameter("notify_url", request.notifyUrl())
			.build();
		return this.resolver.createOnce(CREATE_PAYOUT.name(), call,
				() -> this.exchange.call(CREATE_PAYOUT, call).withDefaultOutTradeNo(outTradeNo),
				() -> getByOutTradeNo(outTradeNo), "getByOutTradeNo(\"" + outTradeNo + "\")",
				(found) -> found.withDefaultOutTradeNo(outTradeNo),
				(rejection, found) -> new PayoutConflictException(rejection, outTradeNo, found));
	}

	@Override
	public Payout get(PayoutQuery query) {
		Assert.notNull(query, "Query must not be null");
		return this.exchange.call(QUERY_PAYOUT, query.call());
	}

	@Override
	public CancelPayoutResponse cancel(CancelPayoutRequest request) {
		Assert.notNull(request, "Request must not be null");
		OperationRequest call = OperationRequest.about(request.payoutId())
			.parameter(this.settings.payoutIdField(), request.payoutId())
			.build();
		return this.exchange.call(this.cancel, call);
	}

}
