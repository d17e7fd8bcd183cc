package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the answer claims to be JSON but is not well-formed, for example because it
 * was truncated.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayMalformedResponseException extends TokenPayInvalidResponseException {

	/**
	 * Create a new instance.
	 * @param detail what the parser found wrong
	 * @param httpStatus the HTTP status of the answer
	 * @param cause the parser's exception
	 */
	public TokenPayMalformedResponseException(String detail, int httpStatus, @Nullable Throwable cause) {
		super("TokenPay answered with malformed JSON: " + GatewayText.safe(detail, GatewayText.MAX_DETAIL_LENGTH),
				httpStatus, null, cause);
	}

}
