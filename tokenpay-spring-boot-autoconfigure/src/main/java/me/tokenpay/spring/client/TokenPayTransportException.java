package me.tokenpay.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the gateway could not be reached or the connection failed before a complete
 * answer arrived.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTransportException extends TokenPayException {

	/**
	 * Create a new instance.
	 * @param message what failed
	 * @param cause the I/O failure
	 */
	public TokenPayTransportException(String message, @Nullable Throwable cause) {
		super(message, null, cause);
	}

}
