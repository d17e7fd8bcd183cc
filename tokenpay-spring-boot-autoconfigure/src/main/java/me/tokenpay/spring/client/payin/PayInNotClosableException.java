package me.tokenpay.spring.client.payin;

import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayApiException;

/**
 * Thrown when the gateway refused to close a pay-in order that is no longer open and a
 * query shows it is not closed either: it was paid or refunded. {@link #getOrder()} is
 * the order as the query found it.
 *
 * @author TokenPay Spring Boot team
 */
public class PayInNotClosableException extends TokenPayApiException {

	/**
	 * The order that cannot be closed.
	 */
	private final Transaction order;

	/**
	 * Create a new instance.
	 * @param rejection the gateway's refusal to close
	 * @param order the order as a query found it
	 */
	public PayInNotClosableException(TokenPayApiException rejection, Transaction order) {
		super("TokenPay refused to close pay-in order "
				+ GatewayText.safe(order.transactionId(), GatewayText.MAX_REQUEST_ID_LENGTH) + " with code "
				+ rejection.getCode() + ": its state is " + GatewayText.safe(String.valueOf(order.tradeState()), 32),
				rejection.getCode(), rejection.getMsg(), rejection.getRequestId(), rejection.getHttpStatus());
		this.order = order;
	}

	/**
	 * Return the order as the query found it.
	 * @return the order
	 */
	public Transaction getOrder() {
		return this.order;
	}

}
