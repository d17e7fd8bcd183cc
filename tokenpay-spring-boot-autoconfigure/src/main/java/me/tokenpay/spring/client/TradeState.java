package me.tokenpay.spring.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * The {@code trade_state} of a payout or pay-in: an open value type, so a state the
 * gateway does not document is kept verbatim rather than rejected.
 *
 * @param value the state as the gateway sent it
 * @author TokenPay Spring Boot team
 */
public record TradeState(@JsonValue String value) {

	/**
	 * Paid.
	 */
	public static final TradeState SUCCESS = new TradeState("SUCCESS");

	/**
	 * Not paid yet.
	 */
	public static final TradeState NOTPAY = new TradeState("NOTPAY");

	/**
	 * Closed (cancelled or expired) without payment.
	 */
	public static final TradeState CLOSED = new TradeState("CLOSED");

	/**
	 * Refunded.
	 */
	public static final TradeState REFUND = new TradeState("REFUND");

	/**
	 * Create a state.
	 * @param value the state as the gateway sent it
	 */
	public TradeState {
		Assert.notNull(value, "Value must not be null");
	}

	/**
	 * Return the state of a value.
	 * @param value the state as the gateway sent it
	 * @return the state
	 */
	@JsonCreator
	public static TradeState of(String value) {
		return new TradeState(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
