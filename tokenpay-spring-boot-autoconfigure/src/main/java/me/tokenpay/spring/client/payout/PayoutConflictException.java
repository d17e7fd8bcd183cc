package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayApiException;

/**
 * Thrown when a create was refused because its {@code outTradeNo} exists (code 12001) and
 * the existing payout differs from the one requested: another order number must be used.
 * {@link #getExisting()} is the payout the gateway has.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutConflictException extends TokenPayApiException {

	/**
	 * The order number in use.
	 */
	private final String outTradeNo;

	/**
	 * The payout that has it.
	 */
	private final Payout existing;

	/**
	 * Create a new instance.
	 * @param rejection the gateway's 12001 rejection of the create
	 * @param outTradeNo the order number
	 * @param existing the payout the gateway has under that order number
	 */
	public PayoutConflictException(TokenPayApiException rejection, String outTradeNo, Payout existing) {
		super("TokenPay refused the create with code " + rejection.getCode() + ": outTradeNo " + outTradeNo
				+ " belongs to another payout (" + existing.amount() + " " + GatewayText.safe(existing.currency(), 32)
				+ " to " + GatewayText.safe(existing.toAddress(), 128) + "); use another outTradeNo",
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
	 * Return the payout the gateway has under the order number.
	 * @return the existing payout
	 */
	public Payout getExisting() {
		return this.existing;
	}

}
