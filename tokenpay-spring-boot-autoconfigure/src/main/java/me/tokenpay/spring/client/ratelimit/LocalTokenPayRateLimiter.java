package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;

import org.springframework.util.Assert;

/**
 * {@link TokenPayRateLimiter} in this JVM: it grants at most {@code permits} permits per
 * app id in any window, and keeps a margin of {@value #MARGIN_MILLIS} ms on top of the
 * window so that varying network latency does not bring two requests a window apart
 * closer together on arrival at the gateway. A caller that would have to wait longer than
 * its maximum wait gets a {@link TokenPayRateLimitException} at once instead of waiting.
 * Thread-safe; it does not coordinate several application instances.
 *
 * @author TokenPay Spring Boot team
 */
public final class LocalTokenPayRateLimiter implements TokenPayRateLimiter {

	/**
	 * The margin added to the window.
	 */
	static final long MARGIN_MILLIS = 50;

	private final int permits;

	private final Duration window;

	private final long windowNanos;

	private final Duration maxWait;

	private final Map<String, Grants> grantsByAppId = new ConcurrentHashMap<>();

	/**
	 * Create a limiter of permits per second.
	 * @param permitsPerSecond the permits granted in any one-second window
	 * @param maxWait the longest a caller waits for a permit
	 */
	public LocalTokenPayRateLimiter(int permitsPerSecond, Duration maxWait) {
		this(permitsPerSecond, Duration.ofSeconds(1), maxWait);
	}

	/**
	 * Create a limiter.
	 * @param permits the permits granted in any window
	 * @param window the window
	 * @param maxWait the longest a caller waits for a permit
	 */
	public LocalTokenPayRateLimiter(int permits, Duration window, Duration maxWait) {
		Assert.isTrue(permits > 0, "Permits must be positive");
		Assert.isTrue(window.compareTo(Duration.ZERO) > 0, "Window must be positive");
		Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
		this.permits = permits;
		this.window = window;
		this.windowNanos = window.toNanos() + TimeUnit.MILLISECONDS.toNanos(MARGIN_MILLIS);
		this.maxWait = maxWait;
	}

	@Override
	public void acquire(String appId, Duration maxWait) {
		long grantAt = this.grantsByAppId.computeIfAbsent(appId, (key) -> new Grants()).reserve(maxWait);
		long wait;
		while ((wait = grantAt - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new TokenPayRateLimitException(this.permits, this.window, maxWait);
			}
		}
	}

	@Override
	public Duration getMaxWait() {
		return this.maxWait;
	}

	@Override
	public String toString() {
		return "LocalTokenPayRateLimiter[" + this.permits + " per " + this.window.toMillis() + "ms, maxWait="
				+ this.maxWait + "]";
	}

	/**
	 * The grant times of one app id's last permits, oldest first in a ring.
	 */
	private final class Grants {

		private final long[] times = new long[LocalTokenPayRateLimiter.this.permits];

		private int oldest;

		Grants() {
			Arrays.fill(this.times, System.nanoTime() - LocalTokenPayRateLimiter.this.windowNanos);
		}

		synchronized long reserve(Duration maxWait) {
			long now = System.nanoTime();
			long grantAt = Math.max(now, this.times[this.oldest] + LocalTokenPayRateLimiter.this.windowNanos);
			if (grantAt - now > maxWait.toNanos()) {
				throw new TokenPayRateLimitException(LocalTokenPayRateLimiter.this.permits,
						LocalTokenPayRateLimiter.this.window, maxWait);
			}
			this.times[this.oldest] = grantAt;
			this.oldest = (this.oldest + 1) % this.times.length;
			return grantAt;
		}

	}

}
