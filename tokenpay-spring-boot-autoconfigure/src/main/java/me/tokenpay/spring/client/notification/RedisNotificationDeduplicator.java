package me.tokenpay.spring.client.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import me.tokenpay.spring.client.StoreFailure;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link TokenPayNotificationDeduplicator} shared by every application instance through
 * Redis, under keys {@code tokenpay:notification:<deduplication key>}: a claim is
 * {@code SET key <owner> NX PX <lease>}, completion {@code SET key done PX <retention>},
 * release a compare-and-delete script that deletes the key only while it holds the owner.
 * When Redis fails it either goes on with an in-memory deduplicator (logging once a
 * minute) or throws, so that the notification is answered {@code fail} and sent again
 * later.
 *
 * @author TokenPay Spring Boot team
 */
public final class RedisNotificationDeduplicator implements TokenPayNotificationDeduplicator {

	/**
	 * The prefix of the Redis keys.
	 */
	public static final String KEY_PREFIX = "tokenpay:notification:";

	private static final String DONE = "done";

	private static final Log logger = LogFactory.getLog(RedisNotificationDeduplicator.class);

	private static final long LOG_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final StoreFailure onStoreFailure;

	private final Clock clock;

	private final InMemoryNotificationDeduplicator fallback;

	private final AtomicLong lastFailureLog;

	/**
	 * Create a deduplicator on the system clock.
	 * @param connectionFactory the Redis connections to use
	 * @param onStoreFailure what to do when Redis fails
	 */
	public RedisNotificationDeduplicator(RedisConnectionFactory connectionFactory, StoreFailure onStoreFailure) {
		this(connectionFactory, onStoreFailure, Clock.systemUTC());
	}

	/**
	 * Create a deduplicator.
	 * @param connectionFactory the Redis connections to use
	 * @param onStoreFailure what to do when Redis fails
	 * @param clock the clock of the in-memory fallback's leases and of the failure log's
	 * pace (Redis keeps its own keys' time)
	 */
	public RedisNotificationDeduplicator(RedisConnectionFactory connectionFactory, StoreFailure onStoreFailure,
			Clock clock) {
		Assert.notNull(connectionFactory, "Redis connection factory must not be null");
		Assert.notNull(onStoreFailure, "Store failure behaviour must not be null");
		Assert.notNull(clock, "Clock must not be null");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.onStoreFailure = onStoreFailure;
		this.clock = clock;
		this.fallback = new InMemoryNotificationDeduplicator(10_000, clock);
		this.lastFailureLog = new AtomicLong(clock.millis() - LOG_INTERVAL_MILLIS);
	}

	@Override
	public Claim claim(String key, String owner, Duration lease) {
		String redisKey = KEY_PREFIX + key;
		try {
			for (int attempt = 0; attempt < 3; attempt++) {
				if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(redisKey, owner, lease))) {
					return Claim.CLAIMED;
				}
				String holder = this.redis.opsForValue().get(redisKey);
				if (holder != null) {
					return DONE.equals(holder) ? Claim.DONE : Claim.IN_PROGRESS;
				}
			}
			return Claim.IN_PROGRESS;
		}
		catch (RuntimeException ex) {
			return storeFailed(ex).claim(key, owner, lease);
		}
	}

	@Override
	public void complete(String key, String owner, Duration retention) {
		try {
			this.redis.opsForValue().set(KEY_PREFIX + key, DONE, retention);
		}
		catch (RuntimeException ex) {
			storeFailed(ex).complete(key, owner, retention);
		}
	}

	@Override
	public void release(String key, String owner) {
		try {
			this.redis.execute(RELEASE, List.of(KEY_PREFIX + key), owner);
		}
		catch (RuntimeException ex) {
			storeFailed(ex).release(key, owner);
		}
	}

	private TokenPayNotificationDeduplicator storeFailed(RuntimeException failure) {
		long now = this.clock.millis();
		long last = this.lastFailureLog.get();
		boolean log = now - last >= LOG_INTERVAL_MILLIS && this.lastFailureLog.compareAndSet(last, now);
		if (this.onStoreFailure == StoreFailure.REJECT) {
			if (log) {
				logger.warn("Redis notification store failed; answering notifications 'fail' until it is back",
						failure);
			}
			throw failure;
		}
		if (log) {
			logger.warn("Redis notification store failed; deduplicating in this instance only until it is back",
					failure);
		}
		return this.fallback;
	}

}
