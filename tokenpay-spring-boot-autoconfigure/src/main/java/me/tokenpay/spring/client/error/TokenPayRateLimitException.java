package me.tokenpay.spring.client.error;

import java.time.Duration;

/**
 * Thrown when the client-side rate limiter ({@code tokenpay.rate-limit.*}) could not
 * grant a permit within its maximum wait, or its shared store failed and
 * {@code tokenpay.rate-limit.on-store-failure=reject}. Nothing was sent.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayRateLimitException extends TokenPayException {

	/**
	 * Create a new instance.
	 * @param permitsPerSecond the configured rate
	 * @param maxWait the longest wait allowed
	 */
	public TokenPayRateLimitException(int permitsPerSecond, Duration maxWait) {
		this(permitsPerSecond, Duration.ofSeconds(1), maxWait);
	}

	/**
	 * Create a new instance.
	 * @param permits the permits granted in any window
	 * @param window the window
	 * @param maxWait the longest wait allowed
	 */
	public TokenPayRateLimitException(int permits, Duration window, Duration maxWait) {
		super("Client-side rate limit of " + permits + " requests per " + window.toMillis()
				+ "ms reached; no permit within " + maxWait.toMillis()
				+ "ms, nothing was sent. Slow down callers or raise tokenpay.rate-limit.max-wait", null, null);
	}

	/**
	 * Create a new instance for a limiter that could not decide.
	 * @param message what went wrong
	 * @param cause the failure of the limiter's store
	 */
	public TokenPayRateLimitException(String message, Throwable cause) {
		super(message, null, cause);
	}

}
