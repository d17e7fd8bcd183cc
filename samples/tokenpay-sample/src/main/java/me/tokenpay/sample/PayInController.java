package me.tokenpay.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInClosure;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.journal.PayoutJournal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Creates, queries and closes pay-in orders: what a shop does when a customer checks out
 * in crypto. Failures are turned into problem details by {@link TokenPayProblemHandler}.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class PayInController {

	private final MerchantSelector merchants;

	private final PayoutJournal journal;

	/**
	 * Create a new controller.
	 * @param merchants picks the merchant of each request
	 * @param journal follows each created order until it is paid, closed or expired
	 */
	public PayInController(MerchantSelector merchants, PayoutJournal journal) {
		this.merchants = merchants;
		this.journal = journal;
	}

	/**
	 * Create a pay-in order: the customer pays at its {@code paymentUrl}. Safe to repeat
	 * with the same {@code outTradeNo}: the existing order is returned (then without
	 * {@code paymentUrl}, which only the first answer carries). The payout journal
	 * follows the order until it is paid, closed or expired, also when its notification
	 * is lost.
	 * @param body the order to create
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return {@code 201 Created} with the order and its location
	 */
	@PostMapping("/pay-ins")
	public ResponseEntity<PayInOrderView> create(@RequestBody CreatePayInBody body,
			@RequestParam(required = false) @Nullable String merchant) {
		CreatePayInRequest.Builder builder = CreatePayInRequest
			.builder(RequestFields.amount(body.amount()), RequestFields.chain(body.chain()),
					RequestFields.required("currency", body.currency()))
			.outTradeNo(body.outTradeNo())
			.description(body.description())
			.notifyUrl(body.notifyUrl());
		if (body.expireSecond() != null) {
			builder.expireSecond(body.expireSecond());
		}
		CreatePayInRequest request = builder.build();
		PayInOrder order = this.merchants.operations(merchant).payIns().create(request);
		if (merchant != null) {
			this.journal.trackPayIn(merchant, request, order);
		}
		else {
			this.journal.trackPayIn(request, order);
		}
		URI location = URI.create("/pay-ins/" + UriUtils.encodePathSegment(order.outTradeNo(), "UTF-8"));
		return ResponseEntity.created(location).body(PayInOrderView.of(order));
	}

	/**
	 * Query a pay-in order by the merchant's order number.
	 * @param outTradeNo the order number
	 * @param request the HTTP request, to refuse path parameters
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the order
	 */
	@GetMapping("/pay-ins/{outTradeNo}")
	public TransactionView get(@PathVariable String outTradeNo,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("outTradeNo", request);
		return TransactionView.of(this.merchants.operations(merchant).payIns().getByOutTradeNo(outTradeNo));
	}

	/**
	 * Close an unpaid pay-in order; closing a closed one is success too.
	 * @param transactionId the platform's order id
	 * @param request the HTTP request, to refuse path parameters
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the closure
	 */
	@PostMapping("/pay-ins/{transactionId}/close")
	public PayInClosure close(@PathVariable String transactionId,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("transactionId", request);
		return this.merchants.operations(merchant).payIns().close(transactionId);
	}

	/**
	 * The JSON body of a create.
	 *
	 * @param amount the amount in major units, as a decimal string such as {@code "9.99"}
	 * @param chain the chain, such as {@code TRON}
	 * @param currency the currency, such as {@code USDT}
	 * @param outTradeNo the merchant's order number; generated when absent
	 * @param expireSecond how long the order can be paid, 60 to 86400 seconds; 600 when
	 * absent
	 * @param description a description shown to the payer
	 * @param notifyUrl the URL TokenPay notifies when the order is paid
	 */
	public record CreatePayInBody(@Nullable String amount, @Nullable String chain, @Nullable String currency,
			@Nullable String outTradeNo, @Nullable Integer expireSecond, @Nullable String description,
			@Nullable String notifyUrl) {

	}

	/**
	 * A created order as this application shows it.
	 *
	 * @param outTradeNo the merchant's order number
	 * @param prepayId the prepayment id, absent for an order found again by its number
	 * @param paymentUrl where the customer pays, absent for an order found again by its
	 * number
	 * @param expiresAt when the order expires unpaid
	 * @param transactionId the platform's order id, when known
	 */
	public record PayInOrderView(String outTradeNo, @Nullable String prepayId, @Nullable String paymentUrl,
			@Nullable Instant expiresAt, @Nullable String transactionId) {

		static PayInOrderView of(PayInOrder order) {
			URI paymentUrl = order.paymentUrl();
			Transaction transaction = order.transaction();
			return new PayInOrderView(order.outTradeNo(), order.prepayId(),
					(paymentUrl != null) ? paymentUrl.toString() : null, order.expiresAt(),
					(transaction != null) ? transaction.transactionId() : null);
		}

	}

	/**
	 * A pay-in order as this application shows it: amounts in major units as decimal
	 * strings.
	 *
	 * @param transactionId the platform's order id, the id that closes it
	 * @param outTradeNo the merchant's order number
	 * @param tradeState the trade state, such as {@code NOTPAY} or {@code SUCCESS}
	 * @param amount the amount in major units, such as {@code "9.99"}
	 * @param currency the currency
	 * @param chain the chain
	 * @param txId the on-chain transaction hash, once paid
	 * @param payTime when it was paid
	 */
	public record TransactionView(@Nullable String transactionId, @Nullable String outTradeNo,
			@Nullable String tradeState, @Nullable String amount, @Nullable String currency, @Nullable String chain,
			@Nullable String txId, @Nullable Instant payTime) {

		static TransactionView of(Transaction order) {
			BigDecimal amount = order.amount();
			Chain chain = order.chain();
			return new TransactionView(order.transactionId(), order.outTradeNo(),
					(order.tradeState() != null) ? order.tradeState().value() : null,
					(amount != null) ? amount.stripTrailingZeros().toPlainString() : null, order.currency(),
					(chain != null) ? chain.value() : null, order.txId(), order.payTime());
		}

	}

}
