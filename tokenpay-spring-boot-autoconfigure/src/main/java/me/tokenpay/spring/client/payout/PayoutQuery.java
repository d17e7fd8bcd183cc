package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.OrderQuery;
import org.jspecify.annotations.Nullable;

/**
 * Which payout to query: by the merchant's {@code outTradeNo} or by the platform's
 * {@code transactionId}, exactly one of them.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's payout id
 * @author TokenPay Spring Boot team
 */
public record PayoutQuery(@Nullable String outTradeNo, @Nullable String transactionId) implements OrderQuery {

	/**
	 * Check the query.
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's payout id
	 * @throws TokenPayInvalidRequestException unless exactly one id is given and it is
	 * usable
	 */
	public PayoutQuery {
		OrderQuery.check(outTradeNo, transactionId);
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

}
