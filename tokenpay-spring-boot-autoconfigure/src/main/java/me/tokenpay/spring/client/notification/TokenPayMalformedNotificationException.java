package me.tokenpay.spring.client.notification;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the delivery is not a notification: too large, not JSON, or missing a
 * field.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayMalformedNotificationException extends TokenPayNotificationException {

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 */
	public TokenPayMalformedNotificationException(String message) {
		this(message, null);
	}

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 * @param cause the cause, if any
	 */
	public TokenPayMalformedNotificationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public NotificationOutcome getOutcome() {
		return NotificationOutcome.MALFORMED;
	}

}
