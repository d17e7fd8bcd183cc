package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of the exceptions thrown when an answer arrived but cannot be read as a TokenPay
 * envelope. The subtype tells what was wrong; whether the gateway acted on the call is
 * unknown.
 *
 * @author TokenPay Spring Boot team
 */
public abstract class TokenPayInvalidResponseException extends TokenPayException {

	/**
	 * The answer's HTTP status.
	 */
	private final int httpStatus;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param httpStatus the answer's HTTP status
	 * @param requestId the gateway's request id, {@code null} when none was read
	 * @param cause the cause, {@code null} for none
	 */
	protected TokenPayInvalidResponseException(String message, int httpStatus, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(message + ((httpStatus > 0) ? " (HTTP " + httpStatus + ")" : ""), requestId, cause);
		this.httpStatus = httpStatus;
	}

	/**
	 * Return whether the answer came with HTTP status 5xx or 429, which a repeat may not
	 * meet.
	 * @return whether the call may be retried
	 */
	@Override
	public boolean isRetryable() {
		return this.httpStatus >= 500 || this.httpStatus == 429;
	}

	/**
	 * Return {@code true}: an answer that cannot be read says nothing about what the
	 * gateway did.
	 * @return {@code true}
	 */
	@Override
	public boolean isOutcomeUnknown() {
		return true;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the HTTP status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

}
