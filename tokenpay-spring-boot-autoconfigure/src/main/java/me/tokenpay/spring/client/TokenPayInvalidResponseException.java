package me.tokenpay.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Base of the exceptions thrown when an answer arrived but cannot be read as a TokenPay
 * envelope. The subtype tells what was wrong; whether the gateway acted on the call is
 * unknown.
 *
 * @author TokenPay Spring Boot team
 */
public abstract class TokenPayInvalidResponseException extends TokenPayException {

	private final int httpStatus;

	protected TokenPayInvalidResponseException(String message, int httpStatus, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(message + " (HTTP " + httpStatus + ")", requestId, cause);
		this.httpStatus = httpStatus;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the HTTP status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

}
