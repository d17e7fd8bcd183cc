package me.tokenpay.spring.journal;

import me.tokenpay.spring.client.TradeState;
import org.jspecify.annotations.Nullable;

/**
 * Where a journaled payout is. Until the gateway confirms the payout exists it is
 * {@link #SUBMITTED}, {@link #SENDING} or {@link #UNKNOWN}; then {@link #PENDING} until
 * it reaches one of the final states. A payout never moves back from {@link #PENDING} or
 * a final state: not even a stale notification moves it.
 *
 * @author TokenPay Spring Boot team
 */
public enum JournalState {

	/**
	 * Written in the caller's transaction; not sent yet, or sent and refused without
	 * being applied, to be sent again.
	 */
	SUBMITTED(0),

	/**
	 * Claimed and being sent. A row left here by an instance that died is taken over
	 * after its lease: the gateway is asked before anything is sent again.
	 */
	SENDING(0),

	/**
	 * The create's outcome is unknown; the gateway is asked until it says.
	 */
	UNKNOWN(0),

	/**
	 * Created at the gateway and not final yet ({@code NOTPAY} or another open trade
	 * state); queried with back-off until final.
	 */
	PENDING(1),

	/**
	 * Paid out: trade state {@code SUCCESS}.
	 */
	SUCCEEDED(2),

	/**
	 * Closed without being paid: trade state {@code CLOSED}.
	 */
	CLOSED(2),

	/**
	 * Refunded: trade state {@code REFUND}.
	 */
	REFUNDED(2),

	/**
	 * Refused by the gateway without being applied (its code is recorded).
	 */
	FAILED(2),

	/**
	 * The gateway holds another order under this {@code out_trade_no}: nothing of this
	 * one was applied, and a person must look.
	 */
	CONFLICT(2);

	private final int rank;

	JournalState(int rank) {
		this.rank = rank;
	}

	/**
	 * Return whether the payout will not change any more.
	 * @return whether the state is final
	 */
	public boolean isFinal() {
		return this.rank == SUCCEEDED.rank;
	}

	/**
	 * Return whether a payout in this state may move to another.
	 * @param next the other state
	 * @return whether the move goes forward, or between the states of a payout the
	 * gateway has not confirmed
	 */
	public boolean mayMoveTo(JournalState next) {
		return !isFinal() && next.rank >= this.rank;
	}

	/**
	 * Return the state of a payout the gateway reported.
	 * @param tradeState the trade state, {@code null} when the answer had none
	 * @return the state
	 */
	public static JournalState of(@Nullable TradeState tradeState) {
		if (TradeState.SUCCESS.equals(tradeState)) {
			return SUCCEEDED;
		}
		if (TradeState.CLOSED.equals(tradeState)) {
			return CLOSED;
		}
		if (TradeState.REFUND.equals(tradeState)) {
			return REFUNDED;
		}
		return PENDING;
	}

}
