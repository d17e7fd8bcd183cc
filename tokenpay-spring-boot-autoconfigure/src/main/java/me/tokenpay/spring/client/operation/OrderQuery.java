package me.tokenpay.spring.client.operation;

import java.util.Objects;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The one shape of an order query, shared by payouts and pay-in orders: by the merchant's
 * {@code outTradeNo} or by the platform's {@code transactionId}, exactly one of them, and
 * an answer accepted only about that id.
 *
 * @author TokenPay Spring Boot team
 */
public interface OrderQuery {

	/**
	 * The longest order number the gateway accepts.
	 */
	int MAX_OUT_TRADE_NO_LENGTH = 64;

	/**
	 * The longest platform id the client sends.
	 */
	int MAX_TRANSACTION_ID_LENGTH = 64;

	/**
	 * Return the merchant's order number.
	 * @return the order number, {@code null} when querying by the platform's id
	 */
	@Nullable String outTradeNo();

	/**
	 * Return the platform's id.
	 * @return the id, {@code null} when querying by the order number
	 */
	@Nullable String transactionId();

	/**
	 * Return the call of this query: about its one id, whose answer must name that id.
	 * @return the call, without parameters of its own (the operation places the id)
	 */
	default OperationRequest call() {
		String outTradeNo = outTradeNo();
		return OperationRequest.about((outTradeNo != null) ? outTradeNo : Objects.requireNonNull(transactionId()))
			.bound(AnswerField.OUT_TRADE_NO, outTradeNo)
			.bound(AnswerField.TRANSACTION_ID, transactionId())
			.build();
	}

	/**
	 * Check the ids of a query.
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's id
	 * @throws TokenPayInvalidRequestException unless exactly one id is given and it is
	 * usable
	 */
	static void check(@Nullable String outTradeNo, @Nullable String transactionId) {
		if ((outTradeNo == null) == (transactionId == null)) {
			throw new TokenPayInvalidRequestException((outTradeNo == null) ? "outTradeNo" : "transactionId",
					"exactly one of outTradeNo and transactionId must be given");
		}
		if (outTradeNo != null) {
			RequestChecks.token("outTradeNo", outTradeNo, MAX_OUT_TRADE_NO_LENGTH);
		}
		if (transactionId != null) {
			RequestChecks.token("transactionId", transactionId, MAX_TRANSACTION_ID_LENGTH);
		}
	}

}
