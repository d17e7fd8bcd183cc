package me.tokenpay.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when connecting to the gateway or waiting for its answer took longer than the
 * configured timeout. When the request was already sent, whether the gateway acted on it
 * is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTimeoutException extends TokenPayTransportException {

	/**
	 * Create a new instance.
	 * @param message what timed out
	 * @param cause the timeout reported by the HTTP client
	 */
	public TokenPayTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
