package me.tokenpay.spring.test;

/**
 * State of a payout held by {@link MockTokenPayServer}. TokenPay does not document which
 * states can be cancelled; the mock lets only {@link #PENDING} payouts be closed.
 *
 * @author TokenPay Spring Boot team
 */
public enum PayoutState {

	/**
	 * Created and not yet processed; the only state Cancel Payout closes.
	 */
	PENDING,

	/**
	 * Being sent on chain; can no longer be cancelled.
	 */
	PROCESSING,

	/**
	 * Paid out.
	 */
	SUCCESS,

	/**
	 * Failed on chain.
	 */
	FAILED,

	/**
	 * Cancelled.
	 */
	CLOSED;

	/**
	 * Return whether Cancel Payout may close a payout in this state.
	 * @return whether the payout is open
	 */
	public boolean isOpen() {
		return this == PENDING;
	}

}
