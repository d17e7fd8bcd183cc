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

	private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final StoreFailure onStoreFailure;

	private final InMemoryNotificationDeduplicator fallback = new InMemoryNotificationDeduplicator(10_000,
			Clock.systemUTC());

	private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	/**
	 * Create a deduplicator.
	 * @param connectionFactory the Redis connections to use
	 * @param onStoreFailure what to do when Redis fails
	 */
	public RedisNotificationDeduplicator(RedisConnectionFactory connectionFactory, StoreFailure onStoreFailure) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.onStoreFailure = onStoreFailure;
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
		long now = System.nanoTime();
		long last = this.lastFailureLog.get();
		boolean log = now - last >= LOG_INTERVAL_NANOS && this.lastFailureLog.compareAndSet(last, now);
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
