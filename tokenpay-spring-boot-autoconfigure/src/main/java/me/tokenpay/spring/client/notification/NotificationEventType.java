package me.tokenpay.spring.client.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * The {@code event_type} of a notification: an open value type, as TokenPay documents
 * only payout success events (in two spellings) and no pay-in event name.
 *
 * @param value the event type as sent
 * @author TokenPay Spring Boot team
 */
public record NotificationEventType(@JsonValue String value) {

	/**
	 * A payout was paid, in TokenPay's English pages.
	 */
	public static final NotificationEventType PAYPAYOUT_SUCCESS = new NotificationEventType("PAYPAYOUT.SUCCESS");

	/**
	 * A payout was paid, in TokenPay's Chinese pages.
	 */
	public static final NotificationEventType PAYPAYANOTHER_SUCCESS = new NotificationEventType(
			"PAYPAYANOTHER.SUCCESS");

	/**
	 * Create an event type.
	 * @param value the event type as sent
	 */
	public NotificationEventType {
		Assert.notNull(value, "Value must not be null");
	}

	/**
	 * Return the event type of a value.
	 * @param value the event type as sent
	 * @return the event type
	 */
	@JsonCreator
	public static NotificationEventType of(String value) {
		return new NotificationEventType(value);
	}

	/**
	 * Return whether this is a payout success, in either spelling.
	 * @return whether the event reports a paid payout
	 */
	public boolean isPayoutSuccess() {
		return PAYPAYOUT_SUCCESS.equals(this) || PAYPAYANOTHER_SUCCESS.equals(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
