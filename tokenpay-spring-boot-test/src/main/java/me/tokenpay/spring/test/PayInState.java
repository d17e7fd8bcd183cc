package me.tokenpay.spring.test;

/**
 * State of a pay-in order held by {@link MockTokenPayServer}, its {@code trade_state}.
 *
 * @author TokenPay Spring Boot team
 */
public enum PayInState {

	/**
	 * Created and not paid yet; the only state a close or the expiry ends.
	 */
	NOTPAY,

	/**
	 * Paid: the order has a pay time, a transaction hash and a block number.
	 */
	SUCCESS,

	/**
	 * Closed by the merchant or expired, unpaid.
	 */
	CLOSED,

	/**
	 * Refunded after payment.
	 */
	REFUND

}
