package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the gateway answered with a readable, verified envelope whose {@code code}
 * is not {@code 0}. {@link #getCategory()} tells whether to retry, fix the configuration,
 * or report a business refusal; never branch on {@link #getMsg()}, whose wording varies.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayApiException extends TokenPayException {

	/**
	 * The gateway's code.
	 */
	private final int code;

	/**
	 * The gateway's message, escaped and bounded.
	 */
	private final @Nullable String msg;

	/**
	 * The answer's HTTP status.
	 */
	private final int httpStatus;

	/**
	 * What kind of refusal the code is.
	 */
	private final TokenPayErrorCategory category;

	/**
	 * Create a new instance.
	 * @param code the gateway code
	 * @param msg the gateway's status text
	 * @param requestId the gateway's request id
	 * @param httpStatus the HTTP status of the answer
	 */
	public TokenPayApiException(int code, @Nullable String msg, @Nullable String requestId, int httpStatus) {
		this("TokenPay rejected the call with code " + code + " (" + TokenPayErrorCategory.of(code) + ", HTTP "
				+ httpStatus + "): " + GatewayText.safe(msg, GatewayText.MAX_MSG_LENGTH), code, msg, requestId,
				httpStatus);
	}

	/**
	 * Create a new instance with a message of its own.
	 * @param message what happened
	 * @param code the gateway code
	 * @param msg the gateway's status text
	 * @param requestId the gateway's request id
	 * @param httpStatus the HTTP status of the answer
	 */
	protected TokenPayApiException(String message, int code, @Nullable String msg, @Nullable String requestId,
			int httpStatus) {
		super(message, requestId, null);
		this.code = code;
		this.msg = GatewayText.safe(msg, GatewayText.MAX_MSG_LENGTH);
		this.httpStatus = httpStatus;
		this.category = TokenPayErrorCategory.of(code);
	}

	/**
	 * Create a rejection whose message ends with what to fix, for codes whose cause is
	 * the configuration (such as 103 invalid signature).
	 * @param code the gateway code
	 * @param msg the gateway's status text
	 * @param requestId the gateway's request id
	 * @param httpStatus the HTTP status of the answer
	 * @param hint what to fix, naming the property
	 * @return the exception
	 */
	public static TokenPayApiException withHint(int code, @Nullable String msg, @Nullable String requestId,
			int httpStatus, String hint) {
		return new TokenPayApiException(
				new TokenPayApiException(code, msg, requestId, httpStatus).getMessage() + "; " + hint, code, msg,
				requestId, httpStatus);
	}

	/**
	 * Return whether repeating the call may succeed: the gateway's retryable codes
	 * (11000, 11001, 20004) and any code answered with HTTP status 5xx or 429.
	 * @return whether the call may be retried
	 */
	@Override
	public boolean isRetryable() {
		return this.category == TokenPayErrorCategory.RETRYABLE || isServerError() || this.httpStatus == 429;
	}

	/**
	 * Return whether the gateway may have acted on the call: only when it answered with
	 * HTTP status 5xx, which says something failed part way. A rejection with any other
	 * status was not applied.
	 * @return whether the outcome is unknown
	 */
	@Override
	public boolean isOutcomeUnknown() {
		return isServerError();
	}

	/**
	 * Return whether the gateway refused the call for its rate limit (11001 operate too
	 * frequently, 20004 request frequency limitation) without processing it.
	 * @return whether the call was rate limited
	 */
	public boolean isRateLimited() {
		return this.code == 11001 || this.code == 20004;
	}

	private boolean isServerError() {
		return this.httpStatus >= 500 && this.httpStatus < 600;
	}

	/**
	 * Return the gateway code, never {@code 0}.
	 * @return the gateway code
	 */
	public int getCode() {
		return this.code;
	}

	/**
	 * Return the gateway's status text, with control characters escaped and cut to
	 * {@value GatewayText#MAX_MSG_LENGTH} characters.
	 * @return the status text or {@code null}
	 */
	public @Nullable String getMsg() {
		return this.msg;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the HTTP status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the category of the code.
	 * @return the category
	 */
	public TokenPayErrorCategory getCategory() {
		return this.category;
	}

}
