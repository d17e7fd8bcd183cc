package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the answer is well-formed JSON but not a TokenPay envelope: a missing or
 * non-integer {@code code}, a field of the wrong type, or a success code on an HTTP error
 * status.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayUnexpectedResponseException extends TokenPayInvalidResponseException {

	/**
	 * Create a new instance.
	 * @param detail what was unexpected
	 * @param httpStatus the HTTP status of the answer
	 * @param requestId the request id, if the envelope carried a readable one
	 */
	public TokenPayUnexpectedResponseException(String detail, int httpStatus, @Nullable String requestId) {
		super("TokenPay answered with an unexpected envelope: " + detail, httpStatus, requestId, null);
	}

}
