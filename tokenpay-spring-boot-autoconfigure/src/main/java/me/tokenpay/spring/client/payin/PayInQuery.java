package me.tokenpay.spring.client.payin;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.OrderQuery;
import org.jspecify.annotations.Nullable;

/**
 * Which pay-in order to query: by the merchant's {@code outTradeNo} or by the platform's
 * {@code transactionId}, exactly one of them.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's order id
 * @author TokenPay Spring Boot team
 */
public record PayInQuery(@Nullable String outTradeNo, @Nullable String transactionId) implements OrderQuery {

	/**
	 * Check the query.
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's order id
	 * @throws TokenPayInvalidRequestException unless exactly one id is given and it is
	 * usable
	 */
	public PayInQuery {
		OrderQuery.check(outTradeNo, transactionId);
	}

	/**
	 * Query by the merchant's order number.
	 * @param outTradeNo the order number
	 * @return the query
	 */
	public static PayInQuery byOutTradeNo(String outTradeNo) {
		return new PayInQuery(outTradeNo, null);
	}

	/**
	 * Query by the platform's order id.
	 * @param transactionId the order id
	 * @return the query
	 */
	public static PayInQuery byTransactionId(String transactionId) {
		return new PayInQuery(null, transactionId);
	}

}
