package me.tokenpay.spring.client.notification;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the signature headers are missing or malformed, the signature does not
 * match the body, or the timestamp is outside the tolerance: the delivery may not come
 * from TokenPay.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayNotificationSignatureException extends TokenPayNotificationException {

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 */
	public TokenPayNotificationSignatureException(String message) {
		this(message, null);
	}

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 * @param cause the cause, if any
	 */
	public TokenPayNotificationSignatureException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public NotificationOutcome getOutcome() {
		return NotificationOutcome.BAD_SIGNATURE;
	}

}
