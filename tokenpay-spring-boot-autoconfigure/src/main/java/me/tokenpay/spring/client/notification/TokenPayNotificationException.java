package me.tokenpay.spring.client.notification;

import me.tokenpay.spring.client.error.TokenPayException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a delivery is not a notification that can be trusted and read. Its message
 * says what was wrong; it never contains the app secret, the body or what decrypting it
 * gave.
 *
 * @author TokenPay Spring Boot team
 */
public abstract class TokenPayNotificationException extends TokenPayException {

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 * @param cause the cause, if any
	 */
	protected TokenPayNotificationException(String message, @Nullable Throwable cause) {
		super(message, null, cause);
	}

	/**
	 * Return how the delivery is observed.
	 * @return the outcome
	 */
	public abstract NotificationOutcome getOutcome();

}
