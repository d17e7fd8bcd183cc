package me.tokenpay.spring.client.error;

import me.tokenpay.spring.client.TokenPayClientSettings;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an answer's headers exceed
 * {@link TokenPayClientSettings#MAX_RESPONSE_HEADER_SIZE} bytes in total or in one line,
 * or 100 lines. The connection is discarded, not reused. As with every answer that cannot
 * be read, whether the gateway acted on the request is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayResponseHeadersTooLargeException extends TokenPayInvalidResponseException {

	/**
	 * Create a new instance.
	 * @param httpStatus the HTTP status of the answer, {@code 0} if its headers could not
	 * be read
	 * @param cause what the HTTP client threw, if it refused the headers
	 */
	public TokenPayResponseHeadersTooLargeException(int httpStatus, @Nullable Throwable cause) {
		super("TokenPay answered with headers larger than " + TokenPayClientSettings.MAX_RESPONSE_HEADER_SIZE
				+ " bytes (or over 100 lines); the connection was discarded", httpStatus, null, cause);
	}

}
