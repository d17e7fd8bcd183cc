package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;

import org.springframework.util.Assert;

/**
 * Client-side limiter that keeps one {@link TokenPayTemplate} at or below TokenPay's
 * documented rate (5 requests per second per app id): it grants at most
 * {@code permitsPerSecond} permits in any one-second window, and keeps a margin of
 * {@value #MARGIN_MILLIS} ms on top of the window so that varying network latency does
 * not bring two requests a window apart closer together on arrival at the gateway. A
 * caller that would have to wait longer than the maximum wait gets a
 * {@link TokenPayRateLimitException} at once instead of waiting. Thread-safe; the limit
 * is per instance, so it does not coordinate several application instances.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayRateLimiter {

	private static final long MARGIN_MILLIS = 50;

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(MARGIN_MILLIS);

	private final int permitsPerSecond;

	private final Duration maxWait;

	private final long[] grants;

	private int oldest;

	/**
	 * Create a limiter.
	 * @param permitsPerSecond the permits granted in any one-second window
	 * @param maxWait the longest a caller waits for a permit
	 */
	public TokenPayRateLimiter(int permitsPerSecond, Duration maxWait) {
		Assert.isTrue(permitsPerSecond > 0, "Permits per second must be positive");
		Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
		this.permitsPerSecond = permitsPerSecond;
		this.maxWait = maxWait;
		this.grants = new long[permitsPerSecond];
		long past = System.nanoTime() - WINDOW_NANOS;
		Arrays.fill(this.grants, past);
	}

	/**
	 * Take a permit, waiting for it if needed.
	 * @throws TokenPayRateLimitException if no permit is free within the maximum wait, or
	 * the thread is interrupted while waiting
	 */
	public void acquire() {
		acquire(this.maxWait);
	}

	/**
	 * Take a permit, waiting for it up to a given time, for example the time a retry has
	 * left before its call's deadline.
	 * @param maxWait the longest to wait
	 * @throws TokenPayRateLimitException if no permit is free within that time, or the
	 * thread is interrupted while waiting
	 */
	public void acquire(Duration maxWait) {
		long grantAt = reserve(maxWait);
		long wait;
		while ((wait = grantAt - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new TokenPayRateLimitException(this.permitsPerSecond, maxWait);
			}
		}
	}

	/**
	 * Return the longest a caller waits for a permit by default.
	 * @return the maximum wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	private synchronized long reserve(Duration maxWait) {
		long now = System.nanoTime();
		long grantAt = Math.max(now, this.grants[this.oldest] + WINDOW_NANOS);
		if (grantAt - now > maxWait.toNanos()) {
			throw new TokenPayRateLimitException(this.permitsPerSecond, maxWait);
		}
		this.grants[this.oldest] = grantAt;
		this.oldest = (this.oldest + 1) % this.grants.length;
		return grantAt;
	}

	@Override
	public String toString() {
		return "TokenPayRateLimiter[" + this.permitsPerSecond + "/s, maxWait=" + this.maxWait + "]";
	}

}
