package me.tokenpay.spring.client.notification;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the resource cannot be decrypted with the merchant's app secret: an
 * unsupported algorithm, malformed Base64 or a GCM tag mismatch.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayNotificationDecryptionException extends TokenPayNotificationException {

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 */
	public TokenPayNotificationDecryptionException(String message) {
		this(message, null);
	}

	/**
	 * Create a new instance.
	 * @param message what was wrong
	 * @param cause the cause, if any
	 */
	public TokenPayNotificationDecryptionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public NotificationOutcome getOutcome() {
		return NotificationOutcome.DECRYPT_ERROR;
	}

}
