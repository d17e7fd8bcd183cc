package me.tokenpay.spring.client.payin;

import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayApiException;

/**
 * Thrown when a create's {@code outTradeNo} belongs to another pay-in order (refused with
 * code 12001, or found by the query that resolved a lost answer) whose amount, chain or
 * currency differ from the one requested: another order number must be used.
 * {@link #getExisting()} is the order the gateway has.
 *
 * @author TokenPay Spring Boot team
 */
public class PayInConflictException extends TokenPayApiException {

	/**
	 * The order number in use.
	 */
	private final String outTradeNo;

	/**
	 * The order that has it.
	 */
	private final Transaction existing;

	/**
	 * Create a new instance.
	 * @param rejection the gateway's rejection of the create
	 * @param outTradeNo the order number
	 * @param existing the order the gateway has under that order number
	 */
	public PayInConflictException(TokenPayApiException rejection, String outTradeNo, Transaction existing) {
		super("TokenPay refused the create with code " + rejection.getCode() + ": outTradeNo " + outTradeNo
				+ " belongs to another pay-in order (" + existing.amount() + " "
				+ GatewayText.safe(existing.currency(), 32) + " on "
				+ GatewayText.safe(String.valueOf(existing.chain()), 32) + "); use another outTradeNo",
				rejection.getCode(), rejection.getMsg(), rejection.getRequestId(), rejection.getHttpStatus());
		this.outTradeNo = outTradeNo;
		this.existing = existing;
	}

	/**
	 * Return the order number that is taken.
	 * @return the order number
	 */
	public String getOutTradeNo() {
		return this.outTradeNo;
	}

	/**
	 * Return the order the gateway has under the order number.
	 * @return the existing order
	 */
	public Transaction getExisting() {
		return this.existing;
	}

}
