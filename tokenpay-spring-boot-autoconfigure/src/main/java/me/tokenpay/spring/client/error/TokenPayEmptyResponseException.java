package me.tokenpay.spring.client.error;

/**
 * Thrown when the answer has no body at all.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayEmptyResponseException extends TokenPayInvalidResponseException {

	/**
	 * Create a new instance.
	 * @param httpStatus the HTTP status of the answer
	 */
	public TokenPayEmptyResponseException(int httpStatus) {
		super("TokenPay answered with an empty body", httpStatus, null, null);
	}

}
