package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;

/**
 * Client-side limiter that every attempt of a TokenPay call must pass, keyed by app id:
 * TokenPay limits each app id (5 requests per second), so merchants sharing an app id
 * share one budget. {@link LocalTokenPayRateLimiter} limits one JVM;
 * {@link RedisTokenPayRateLimiter} shares the budget between application instances.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayRateLimiter {

	/**
	 * Take a permit for an app id, waiting for it up to a given time.
	 * @param appId the app id the call is made for
	 * @param maxWait the longest to wait
	 * @throws TokenPayRateLimitException if no permit is free within that time, the
	 * thread is interrupted while waiting, or the limiter cannot decide
	 */
	void acquire(String appId, Duration maxWait);

	/**
	 * Take a permit for an app id, waiting for it up to the {@link #getMaxWait() maximum
	 * wait}.
	 * @param appId the app id the call is made for
	 * @throws TokenPayRateLimitException if no permit is free within that time
	 */
	default void acquire(String appId) {
		acquire(appId, getMaxWait());
	}

	/**
	 * Return the longest a caller waits for a permit by default.
	 * @return the maximum wait
	 */
	Duration getMaxWait();

}
