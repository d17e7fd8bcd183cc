package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception that a {@link me.tokenpay.spring.client.TokenPayOperations}
 * call throws, apart from {@link IllegalArgumentException} for arguments rejected before
 * anything is sent. Messages never contain the app secret or the {@code Authorization}
 * header.
 *
 * @author TokenPay Spring Boot team
 */
public abstract class TokenPayException extends RuntimeException {

	/**
	 * The gateway's request id, when an answer carried one.
	 */
	private final @Nullable String requestId;

	/**
	 * Create an exception.
	 * @param message the message, without the secret
	 * @param requestId the gateway's request id, {@code null} when none was read
	 * @param cause the cause, {@code null} for none
	 */
	protected TokenPayException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, GatewayText.safeCause(cause));
		this.requestId = GatewayText.requestId(requestId);
	}

	/**
	 * Return the gateway's request id when the answer carried one: as sent when it has
	 * the shape of an id, otherwise with control characters escaped and cut to
	 * {@value GatewayText#MAX_REQUEST_ID_LENGTH} characters.
	 * @return the request id or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return whether repeating the call may succeed: connection failures, HTTP 5xx and
	 * 429 answers and the gateway's retryable codes. Authentication, validation and
	 * business rejections are never retryable.
	 * @return whether the call may be retried
	 */
	public boolean isRetryable() {
		return false;
	}

	/**
	 * Return whether the gateway may have acted on the request although the call failed,
	 * for example when the answer timed out after the request was sent.
	 * @return whether the outcome is unknown
	 */
	public boolean isOutcomeUnknown() {
		return false;
	}

	@Override
	public String toString() {
		String text = super.toString();
		return (this.requestId != null) ? text + " [requestId=" + this.requestId + "]" : text;
	}

}
