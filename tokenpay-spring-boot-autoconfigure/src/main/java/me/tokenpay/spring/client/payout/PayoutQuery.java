package me.tokenpay.spring.client.payout;

import java.util.Objects;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.RequestChecks;
import org.jspecify.annotations.Nullable;

/**
 * Which payout to query: by the merchant's {@code outTradeNo} or by the platform's
 * {@code transactionId}, exactly one of them.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's payout id
 * @author TokenPay Spring Boot team
 */
public record PayoutQuery(@Nullable String outTradeNo, @Nullable String transactionId) {

	/**
	 * Check the query.
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's payout id
	 * @throws TokenPayInvalidRequestException unless exactly one id is given and it is
	 * usable
	 */
	public PayoutQuery {
		if ((outTradeNo == null) == (transactionId == null)) {
			throw new TokenPayInvalidRequestException((outTradeNo == null) ? "outTradeNo" : "transactionId",
					"exactly one of outTradeNo and transactionId must be given");
		}
		if (outTradeNo != null) {
			RequestChecks.token("outTradeNo", outTradeNo, CreatePayoutRequest.MAX_OUT_TRADE_NO_LENGTH);
		}
		if (transactionId != null) {
			RequestChecks.token("transactionId", transactionId, 64);
		}
	}

	/**
	 * Query by the merchant's order number.
	 * @param outTradeNo the order number
	 * @return the query
	 */
	public static PayoutQuery byOutTradeNo(String outTradeNo) {
		return new PayoutQuery(outTradeNo, null);
	}

	/**
	 * Query by the platform's payout id.
	 * @param transactionId the payout id
	 * @return the query
	 */
	public static PayoutQuery byTransactionId(String transactionId) {
		return new PayoutQuery(null, transactionId);
	}

	String id() {
		String outTradeNo = this.outTradeNo;
		return (outTradeNo != null) ? outTradeNo : Objects.requireNonNull(this.transactionId);
	}

}
