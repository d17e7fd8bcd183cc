package me.tokenpay.spring.client.error;

/**
 * Thrown when the answer's body exceeds the configured maximum size
 * ({@code tokenpay.max-response-size}). Reading stops at the limit.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayResponseTooLargeException extends TokenPayInvalidResponseException {

	/**
	 * The largest body accepted, in bytes.
	 */
	private final long maxSize;

	/**
	 * Create a new instance.
	 * @param httpStatus the HTTP status of the answer
	 * @param maxSize the limit in bytes that was exceeded
	 */
	public TokenPayResponseTooLargeException(int httpStatus, long maxSize) {
		super("TokenPay answered with a body larger than " + maxSize
				+ " bytes; raise tokenpay.max-response-size only if the gateway really sends that much", httpStatus,
				null, null);
		this.maxSize = maxSize;
	}

	/**
	 * Return the limit in bytes that was exceeded.
	 * @return the limit
	 */
	public long getMaxSize() {
		return this.maxSize;
	}

}
