package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;

/**
 * Client-side limiter that every attempt of a TokenPay call must pass, keyed by app id:
 * TokenPay limits each app id (5 requests per second), so merchants sharing an app id
 * share one budget. {@link LocalTokenPayRateLimiter} limits one JVM;
 * {@link RedisTokenPayRateLimiter} shares the budget between application instances.
 * <p>
 * The bound holds at the gateway, whatever the delay between a permit and its request's
 * arrival, because a permit holds its place in the window until it is
 * {@link Permit#release() released}: the caller releases it once the attempt's answer has
 * begun or the attempt failed, and only then does its window start. A limiter grants at
 * most {@code permits} permits that are held, or were released less than a window ago.
 * Think of {@code permits} slots: a slot is taken at a grant {@code g} and released at
 * {@code r}, and the request it carries reaches the gateway at some {@code a} with
 * {@code g <= a <= r} (a request is sent after its permit, and reaches the gateway before
 * its answer begins or its attempt fails). The slot's next grant {@code g'} is at least
 * {@code r + window}, so its next arrival {@code a' >= g' >= r + window >= a + window}:
 * the arrivals of one slot are at least a window apart, any window holds at most one of
 * them, and so at most {@code permits} arrivals of all slots.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayRateLimiter {

	/**
	 * Take a permit for an app id, waiting for it up to a given time. The caller must
	 * release it, once the attempt's answer has begun or the attempt failed.
	 * @param appId the app id the call is made for
	 * @param maxWait the longest to wait
	 * @return the permit
	 * @throws TokenPayRateLimitException if no permit is free within that time, the
	 * thread is interrupted while waiting, or the limiter cannot decide
	 */
	Permit acquire(String appId, Duration maxWait);

	/**
	 * Take a permit for an app id, waiting for it up to the {@link #getMaxWait() maximum
	 * wait}.
	 * @param appId the app id the call is made for
	 * @return the permit
	 * @throws TokenPayRateLimitException if no permit is free within that time
	 */
	default Permit acquire(String appId) {
		return acquire(appId, getMaxWait());
	}

	/**
	 * Return the longest a caller waits for a permit by default.
	 * @return the maximum wait
	 */
	Duration getMaxWait();

	/**
	 * A granted permit: it keeps its place in the window until released.
	 */
	@FunctionalInterface
	interface Permit extends AutoCloseable {

		/**
		 * Release the permit: its window starts now. Releasing again does nothing.
		 */
		void release();

		/**
		 * Release the permit.
		 */
		@Override
		default void close() {
			release();
		}

	}

}
