package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link TokenPayRateLimiter} shared by every application instance through Redis: a
 * sliding-window log per app id (a sorted set under {@code tokenpay:rl:{<app id>}},
 * hash-tagged for Redis Cluster) kept by one Lua script on the <em>Redis server's</em>
 * clock ({@code TIME}), so that instances with skewed clocks still grant at most
 * {@code permits} permits in any window (plus the same {@value #MARGIN_MILLIS} ms margin
 * as the local limiter). A caller whose next permit is further away than its maximum wait
 * gets a {@link TokenPayRateLimitException} at once.
 * <p>
 * When Redis fails, the limiter either falls back to a {@link LocalTokenPayRateLimiter}
 * (logging once a minute) or refuses the call with a {@link TokenPayRateLimitException},
 * so that nothing is sent. Each acquisition is a {@code tokenpay.rate-limit} observation
 * whose timer is the wait and whose {@code outcome} is {@code granted}, {@code denied},
 * {@code store-failure-local} or {@code store-failure-rejected}. Give the Redis client a
 * short command timeout ({@code spring.data.redis.timeout}): a call waits for Redis at
 * most that long.
 *
 * @author TokenPay Spring Boot team
 */
public final class RedisTokenPayRateLimiter implements TokenPayRateLimiter {

	/**
	 * The prefix of the Redis keys, followed by the hash-tagged app id.
	 */
	public static final String KEY_PREFIX = "tokenpay:rl:";

	static final long MARGIN_MILLIS = LocalTokenPayRateLimiter.MARGIN_MILLIS;

	private static final Log logger = LogFactory.getLog(RedisTokenPayRateLimiter.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final long STORE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	/**
	 * Grants a permit (answer 0) when fewer than ARGV[1] were granted in the last ARGV[2]
	 * ms by the server's clock, else answers the ms until the oldest leaves the window.
	 */
	private static final RedisScript<Long> SCRIPT = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
			local window = tonumber(ARGV[2]) * 1000
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
			if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
				redis.call('ZADD', KEYS[1], now, ARGV[3])
				redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
				return 0
			end
			local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000))
			""", Long.class);

	private final StringRedisTemplate redis;

	private final int permits;

	private final Duration window;

	private final Duration maxWait;

	private final StoreFailure onStoreFailure;

	private final LocalTokenPayRateLimiter fallback;

	private final ObservationRegistry observationRegistry;

	private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	private volatile long storeDownUntil = System.nanoTime();

	/**
	 * Create a limiter.
	 * @param connectionFactory the Redis connections to use
	 * @param permits the permits granted in any window, per app id
	 * @param window the window
	 * @param maxWait the longest a caller waits for a permit by default
	 * @param onStoreFailure what to do when Redis fails
	 * @param observationRegistry the registry for observations
	 */
	public RedisTokenPayRateLimiter(RedisConnectionFactory connectionFactory, int permits, Duration window,
			Duration maxWait, StoreFailure onStoreFailure, ObservationRegistry observationRegistry) {
		Assert.isTrue(permits > 0, "Permits must be positive");
		Assert.isTrue(window.toMillis() > 0, "Window must be at least one millisecond");
		Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.permits = permits;
		this.window = window;
		this.maxWait = maxWait;
		this.onStoreFailure = onStoreFailure;
		this.fallback = new LocalTokenPayRateLimiter(permits, window, maxWait);
		this.observationRegistry = observationRegistry;
	}

	@Override
	public void acquire(String appId, Duration maxWait) {
		Observation observation = Observation.start("tokenpay.rate-limit", this.observationRegistry);
		String outcome = "denied";
		try {
			outcome = take(appId, maxWait);
		}
		catch (TokenPayRateLimitException ex) {
			if (ex.getCause() != null) {
				outcome = "store-failure-rejected";
			}
			throw ex;
		}
		finally {
			observation.lowCardinalityKeyValue("store", "redis").lowCardinalityKeyValue("outcome", outcome).stop();
		}
	}

	private String take(String appId, Duration maxWait) {
		long deadline = System.nanoTime() + maxWait.toNanos();
		List<String> keys = List.of(key(appId));
		String member = UUID.randomUUID().toString();
		String windowMillis = Long.toString(this.window.toMillis() + MARGIN_MILLIS);
		while (true) {
			if (System.nanoTime() - this.storeDownUntil < 0) {
				return storeFailed(appId, deadline, null);
			}
			Long wait;
			try {
				wait = this.redis.execute(SCRIPT, keys, Integer.toString(this.permits), windowMillis, member);
			}
			catch (RuntimeException ex) {
				this.storeDownUntil = System.nanoTime() + STORE_RETRY_NANOS;
				return storeFailed(appId, deadline, ex);
			}
			if (wait == null || wait <= 0) {
				return "granted";
			}
			long waitNanos = TimeUnit.MILLISECONDS.toNanos(wait);
			if (System.nanoTime() + waitNanos - deadline > 0) {
				throw new TokenPayRateLimitException(this.permits, this.window, maxWait);
			}
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TokenPayRateLimitException(this.permits, this.window, maxWait);
			}
		}
	}

	/**
	 * Redis failed, now or less than a second ago: the call does not wait for Redis again
	 * until that second has passed.
	 */
	private String storeFailed(String appId, long deadline, @Nullable RuntimeException failure) {
		long now = System.nanoTime();
		long last = this.lastFailureLog.get();
		boolean log = failure != null && now - last >= LOG_INTERVAL_NANOS
				&& this.lastFailureLog.compareAndSet(last, now);
		if (this.onStoreFailure == StoreFailure.REJECT) {
			if (log) {
				logger.warn("Redis rate limit store failed; refusing TokenPay calls until it is back", failure);
			}
			throw new TokenPayRateLimitException(
					"Redis rate limit store failed and tokenpay.rate-limit.on-store-failure is reject; nothing was sent",
					(failure != null) ? failure : new IllegalStateException("Redis failed less than a second ago"));
		}
		if (log) {
			logger.warn("Redis rate limit store failed; limiting TokenPay calls in this instance only until it is back",
					failure);
		}
		this.fallback.acquire(appId, Duration.ofNanos(Math.max(0, deadline - now)));
		return "store-failure-local";
	}

	/**
	 * Return the Redis key of an app id's window.
	 * @param appId the app id
	 * @return the key, such as {@code tokenpay:rl:{8e4b…}}
	 */
	public static String key(String appId) {
		return KEY_PREFIX + "{" + appId + "}";
	}

	@Override
	public Duration getMaxWait() {
		return this.maxWait;
	}

	@Override
	public String toString() {
		return "RedisTokenPayRateLimiter[" + this.permits + " per " + this.window.toMillis() + "ms, maxWait="
				+ this.maxWait + ", onStoreFailure=" + this.onStoreFailure + "]";
	}

}
