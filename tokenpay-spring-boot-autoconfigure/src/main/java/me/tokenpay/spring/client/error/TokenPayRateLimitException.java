package me.tokenpay.spring.client.error;

import java.time.Duration;

/**
 * Thrown when the client-side rate limiter ({@code tokenpay.rate-limit.*}) could not
 * grant a permit within its maximum wait. Nothing was sent.
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
		super("Client-side rate limit of " + permitsPerSecond + " requests per second reached; no permit within "
				+ maxWait.toMillis() + "ms, nothing was sent. Slow down callers or raise tokenpay.rate-limit.max-wait",
				null, null);
	}

}
