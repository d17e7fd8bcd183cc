package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when connecting to the gateway or waiting for its answer took longer than the
 * configured timeout. When the request was already sent ({@link #isRequestSent()}),
 * whether the gateway acted on it is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTimeoutException extends TokenPayTransportException {

	/**
	 * Create a new instance.
	 * @param message what timed out
	 * @param cause the timeout reported by the HTTP client
	 * @param requestSent whether the request may have reached the gateway
	 */
	public TokenPayTimeoutException(String message, @Nullable Throwable cause, boolean requestSent) {
		super(message, cause, requestSent);
	}

}
