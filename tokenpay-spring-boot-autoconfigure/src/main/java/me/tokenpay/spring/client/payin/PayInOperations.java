package me.tokenpay.spring.client.payin;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;

/**
 * Pay-in orders: create one for a customer to pay, query it, close it.
 *
 * @author TokenPay Spring Boot team
 */
public interface PayInOperations {

	/**
	 * Create a pay-in order. Never sent twice by a retry: only a request that provably
	 * never reached the gateway is repeated. When the answer is lost, the order is looked
	 * for by its {@code outTradeNo}; when the gateway refuses the {@code outTradeNo} as
	 * taken, the order it has is returned if it is the one requested.
	 * @param request the order to create
	 * @return the created order
	 * @throws TokenPayInvalidRequestException if the amount has more decimal places than
	 * the currency (when its decimals are known); nothing is sent
	 * @throws TokenPayOutcomeUnknownException if the answer was lost and no query found
	 * the order: {@link TokenPayOutcomeUnknownException#getId()} is the
	 * {@code outTradeNo} to query later or to repeat the create with
	 * @throws PayInConflictException if the {@code outTradeNo} belongs to another order
	 * @throws TokenPayApiException if the gateway refused the create
	 * @throws TokenPayException for every other failure
	 */
	PayInOrder create(CreatePayInRequest request);

	/**
	 * Query a pay-in order.
	 * @param query which order
	 * @return the order as the gateway describes it
	 * @throws TokenPayApiException if the gateway refused the query, such as code 12002
	 * for an unknown order
	 * @throws TokenPayException for every other failure
	 */
	Transaction get(PayInQuery query);

	/**
	 * Query a pay-in order by the merchant's order number.
	 * @param outTradeNo the order number
	 * @return the order as the gateway describes it
	 * @throws TokenPayInvalidRequestException if the order number is unusable
	 * @throws TokenPayApiException if the gateway refused the query
	 * @throws TokenPayException for every other failure
	 */
	default Transaction getByOutTradeNo(String outTradeNo) {
		return get(PayInQuery.byOutTradeNo(outTradeNo));
	}

	/**
	 * Close a pay-in order that has not been paid, so that it can no longer be. Safe to
	 * repeat: an order that is already closed is success.
	 * @param transactionId the platform's order id
	 * @return the closure
	 * @throws TokenPayInvalidRequestException if the id is unusable; nothing is sent
	 * @throws PayInNotClosableException if the order was paid or refunded
	 * @throws TokenPayApiException if the gateway refused the close for another reason
	 * @throws TokenPayException for every other failure
	 */
	PayInClosure close(String transactionId);

}
