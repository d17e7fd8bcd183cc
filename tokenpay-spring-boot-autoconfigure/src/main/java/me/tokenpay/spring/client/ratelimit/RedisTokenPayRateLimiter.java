package me.tokenpay.spring.client.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link TokenPayRateLimiter} shared by every application instance through Redis: a log
 * of permits per app id (a sorted set under {@code tokenpay:rl:{<app id>}}, hash-tagged
 * for Redis Cluster) kept by two Lua scripts on the <em>Redis server's</em> clock
 * ({@code TIME}), so that instances with skewed clocks share one time. A held permit's
 * score is the end of its lease, a released one's the moment of its release; a permit
 * counts until its score is a window old, so at most {@code permits} are held or were
 * released less than a window ago (see {@link TokenPayRateLimiter} for why that bounds
 * the requests at the gateway). The lease frees the slot of an instance that died holding
 * it: make it longer than any attempt can last (connect and read timeouts). A caller
 * whose next permit is further away than its maximum wait gets a
 * {@link TokenPayRateLimitException} at once.
 * <p>
 * {@link #warmUp()} connects and loads the scripts, so that the first call does not meet
 * a cold connection. When Redis fails, the limiter either falls back to a
 * {@link LocalTokenPayRateLimiter} with this instance's share of the budget
 * ({@code permits / instances}, logging once a minute) or refuses the call with a
 * {@link TokenPayRateLimitException}, so that nothing is sent. The share keeps the
 * instances within the budget while Redis is down for all of them. Each acquisition is a
 * {@code tokenpay.rate-limit} observation whose timer is the wait and whose
 * {@code outcome} is {@code granted}, {@code denied}, {@code store-failure-local} or
 * {@code store-failure-rejected}. Give the Redis client a short command timeout
 * ({@code spring.data.redis.timeout}): a call waits for Redis at most that long.
 *
 * @author TokenPay Spring Boot team
 */
public final class RedisTokenPayRateLimiter implements TokenPayRateLimiter {

	/**
	 * The prefix of the Redis keys, followed by the hash-tagged app id.
	 */
	public static final String KEY_PREFIX = "tokenpay:rl:";

	private static final Log logger = LogFactory.getLog(RedisTokenPayRateLimiter.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final long STORE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	/**
	 * Grants a permit (answer 0) when fewer than ARGV[1] permits are held or were
	 * released less than ARGV[2] ms ago by the server's clock, holding it until ARGV[3]
	 * ms from now; else answers the ms until one can be granted at the earliest (a held
	 * permit could be released now).
	 */
	private static final RedisScript<Long> ACQUIRE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
			local window = tonumber(ARGV[2]) * 1000
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
			if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
				redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]) * 1000, ARGV[4])
				redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) + tonumber(ARGV[2]) + 1)
				return 0
			end
			local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(1, math.ceil((math.min(tonumber(oldest[2]), now) + window - now) / 1000))
			""", Long.class);

	/**
	 * Releases a held permit: its score becomes now, unless its lease ran out.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
			local lease = redis.call('ZSCORE', KEYS[1], ARGV[1])
			if lease and tonumber(lease) > now then
				redis.call('ZADD', KEYS[1], now, ARGV[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final int permits;

	private final Duration window;

	private final Duration maxWait;

	private final StoreFailure onStoreFailure;

	private final Duration lease;

	private final int fallbackPermits;

	private final @Nullable LocalTokenPayRateLimiter fallback;

	private final ObservationRegistry observationRegistry;

	private final LongSupplier ticker;

	private final AtomicLong lastFailureLog;

	private volatile long storeDownUntil;

	/**
	 * Create a limiter.
	 * @param connectionFactory the Redis connections to use
	 * @param settings the permits, window, waits, lease and failure handling
	 * @param observationRegistry the registry for observations
	 */
	public RedisTokenPayRateLimiter(RedisConnectionFactory connectionFactory, Settings settings,
			ObservationRegistry observationRegistry) {
		this(connectionFactory, settings, observationRegistry, System::nanoTime);
	}

	/**
	 * Create a limiter that reads time from a ticker for its own decisions (how long to
	 * wait, when to try Redis again); permits are counted on the Redis server's clock.
	 * @param connectionFactory the Redis connections to use
	 * @param settings the permits, window, waits, lease and failure handling
	 * @param observationRegistry the registry for observations
	 * @param ticker the current time in nanoseconds, only compared with itself
	 */
	public RedisTokenPayRateLimiter(RedisConnectionFactory connectionFactory, Settings settings,
			ObservationRegistry observationRegistry, LongSupplier ticker) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.permits = settings.permits();
		this.window = settings.window();
		this.maxWait = settings.maxWait();
		this.lease = settings.lease();
		this.onStoreFailure = settings.onStoreFailure();
		this.fallbackPermits = settings.permits() / settings.instances();
		this.fallback = (this.fallbackPermits > 0)
				? new LocalTokenPayRateLimiter(this.fallbackPermits, settings.window(), settings.maxWait(), ticker)
				: null;
		this.observationRegistry = observationRegistry;
		this.ticker = ticker;
		long now = ticker.getAsLong();
		this.lastFailureLog = new AtomicLong(now - LOG_INTERVAL_NANOS);
		this.storeDownUntil = now;
	}

	/**
	 * Connect to Redis and load the scripts, so that the first permit does not wait for a
	 * connection to open. A failure is logged and changes nothing: the first call meets
	 * it again and handles it as any store failure.
	 */
	public void warmUp() {
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> {
				connection.scriptingCommands().scriptLoad(ACQUIRE.getScriptAsString().getBytes(StandardCharsets.UTF_8));
				return connection.scriptingCommands()
					.scriptLoad(RELEASE.getScriptAsString().getBytes(StandardCharsets.UTF_8));
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not reach the Redis rate limit store at start-up; TokenPay calls will try again", ex);
		}
	}

	@Override
	public Permit acquire(String appId, Duration maxWait) {
		Observation observation = Observation.start("tokenpay.rate-limit", this.observationRegistry);
		String outcome = "denied";
		try {
			Grant grant = take(appId, maxWait);
			outcome = grant.outcome();
			return grant.permit();
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

	private Grant take(String appId, Duration maxWait) {
		long deadline = this.ticker.getAsLong() + maxWait.toNanos();
		List<String> keys = List.of(key(appId));
		String member = UUID.randomUUID().toString();
		String windowMillis = Long.toString(this.window.toMillis());
		String leaseMillis = Long.toString(this.lease.toMillis());
		while (true) {
			if (this.ticker.getAsLong() - this.storeDownUntil < 0) {
				return storeFailed(appId, deadline, null);
			}
			Long wait;
			try {
				wait = this.redis.execute(ACQUIRE, keys, Integer.toString(this.permits), windowMillis, leaseMillis,
						member);
			}
			catch (RuntimeException ex) {
				this.storeDownUntil = this.ticker.getAsLong() + STORE_RETRY_NANOS;
				return storeFailed(appId, deadline, ex);
			}
			if (wait == null || wait <= 0) {
				return new Grant(new RedisPermit(keys, member), "granted");
			}
			long waitNanos = TimeUnit.MILLISECONDS.toNanos(wait);
			if (this.ticker.getAsLong() + waitNanos - deadline > 0) {
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
	private Grant storeFailed(String appId, long deadline, @Nullable RuntimeException failure) {
		long now = this.ticker.getAsLong();
		long last = this.lastFailureLog.get();
		boolean log = failure != null && now - last >= LOG_INTERVAL_NANOS
				&& this.lastFailureLog.compareAndSet(last, now);
		LocalTokenPayRateLimiter fallback = this.fallback;
		if (this.onStoreFailure == StoreFailure.REJECT || fallback == null) {
			if (log) {
				logger.warn("Redis rate limit store failed; refusing TokenPay calls until it is back", failure);
			}
			throw new TokenPayRateLimitException(
					"Redis rate limit store failed and " + ((fallback == null)
							? "tokenpay.rate-limit.instances leaves no share of the budget to each"
							: "tokenpay.rate-limit.on-store-failure is reject") + "; nothing was sent",
					(failure != null) ? failure : new IllegalStateException("Redis failed less than a second ago"));
		}
		if (log) {
			logger.warn("Redis rate limit store failed; limiting TokenPay calls in this instance to its share of "
					+ this.fallbackPermits + " per " + this.window.toMillis() + "ms until it is back", failure);
		}
		return new Grant(fallback.acquire(appId, Duration.ofNanos(Math.max(0, deadline - now))), "store-failure-local");
	}

	/**
	 * Return whether Redis failed within the last second, so that calls are limited to
	 * this instance's share or refused until it is back.
	 * @return {@code true} while the store is failing
	 */
	public boolean isStoreFailing() {
		return this.ticker.getAsLong() - this.storeDownUntil < 0;
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
				+ this.maxWait + ", lease=" + this.lease + ", onStoreFailure=" + this.onStoreFailure + "]";
	}

	/**
	 * The settings of a Redis limiter.
	 *
	 * @param permits the permits held or released less than a window ago, per app id
	 * @param window the window
	 * @param maxWait the longest a caller waits for a permit by default
	 * @param lease how long a permit stays held if its holder never releases it (an
	 * instance that died): longer than any attempt lasts
	 * @param onStoreFailure what to do when Redis fails
	 * @param instances how many application instances share an app id: with
	 * {@link StoreFailure#LOCAL}, each limits itself to {@code permits / instances} while
	 * Redis fails, and refuses calls when that share is 0
	 */
	public record Settings(int permits, Duration window, Duration maxWait, Duration lease, StoreFailure onStoreFailure,
			int instances) {

		/**
		 * Check the settings.
		 * @param permits the permits
		 * @param window the window
		 * @param maxWait the maximum wait
		 * @param lease the lease
		 * @param onStoreFailure what to do when Redis fails
		 * @param instances the instances sharing an app id
		 */
		public Settings {
			Assert.isTrue(permits > 0, "Permits must be positive");
			Assert.isTrue(window.toMillis() > 0, "Window must be at least one millisecond");
			Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
			Assert.isTrue(lease.toMillis() > 0, "Lease must be at least one millisecond");
			Assert.notNull(onStoreFailure, "On store failure must not be null");
			Assert.isTrue(instances > 0, "Instances must be positive");
		}

	}

	/**
	 * A permit and how it was granted.
	 */
	private record Grant(Permit permit, String outcome) {

	}

	/**
	 * A permit held in Redis, released once.
	 */
	private final class RedisPermit implements Permit {

		private final List<String> keys;

		private final String member;

		private final AtomicBoolean released = new AtomicBoolean();

		RedisPermit(List<String> keys, String member) {
			this.keys = keys;
			this.member = member;
		}

		/**
		 * Start the permit's window now. If Redis fails, the permit stays held until its
		 * lease ends, which errs on the safe side.
		 */
		@Override
		public void release() {
			if (!this.released.compareAndSet(false, true)) {
				return;
			}
			try {
				RedisTokenPayRateLimiter.this.redis.execute(RELEASE, this.keys, this.member);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release a rate limit permit; it stays held until its lease ends", ex);
			}
		}

	}

}
