package me.tokenpay.spring.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter.Settings;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter.Permit;
import me.tokenpay.spring.client.StoreFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisTokenPayRateLimiter} against a real {@code redis-server}: the
 * budget is shared by limiters on separate connections, kept per app id on the server's
 * clock, and Redis failures are handled as configured.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(RedisServerExtension.class)
class RedisTokenPayRateLimiterTests {

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private final String appId = UUID.randomUUID().toString().replace("-", "");

	@AfterEach
	void closeConnections() {
		this.factories.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void limitersOnSeparateConnectionsShareOneBudget(RedisServer redis) {
		RedisTokenPayRateLimiter first = limiter(redis, StoreFailure.LOCAL, ObservationRegistry.NOOP);
		RedisTokenPayRateLimiter second = limiter(redis, StoreFailure.LOCAL, ObservationRegistry.NOOP);
		for (int i = 0; i < 3; i++) {
			first.acquire(this.appId, Duration.ZERO);
			second.acquire(this.appId, Duration.ZERO);
		}
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> first.acquire(this.appId, Duration.ZERO))
			.withMessageContaining("6 requests per 1000ms");
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> second.acquire(this.appId, Duration.ZERO));
	}

	@Test
	void anotherAppIdHasItsOwnBudget(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.LOCAL, ObservationRegistry.NOOP);
		for (int i = 0; i < 6; i++) {
			limiter.acquire(this.appId, Duration.ZERO);
		}
		for (int i = 0; i < 6; i++) {
			limiter.acquire(this.appId + "-other", Duration.ZERO);
		}
	}

	@Test
	void callerWaitsForTheOldestReleasedPermitToLeaveTheWindow(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.LOCAL, ObservationRegistry.NOOP);
		List<Permit> permits = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			permits.add(limiter.acquire(this.appId, Duration.ZERO));
		}
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO));
		permits.get(0).release();
		assertThatExceptionOfType(TokenPayRateLimitException.class).as("a released permit counts for a window more")
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO));
		limiter.acquire(this.appId, Duration.ofSeconds(30));
	}

	@Test
	void heldPermitsCountUntilReleasedWhateverTheirAge(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis), new Settings(2,
				Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMinutes(10), StoreFailure.REJECT, 1),
				ObservationRegistry.NOOP);
		Permit first = limiter.acquire(this.appId, Duration.ZERO);
		limiter.acquire(this.appId, Duration.ZERO);
		assertThatExceptionOfType(TokenPayRateLimitException.class).as("all held, 50ms is less than a window away")
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ofMillis(49)));
		first.release();
		assertThat(limiter.acquire(this.appId, Duration.ofSeconds(30))).isNotNull();
	}

	@Test
	void aPermitNeverReleasedFreesItsSlotWhenItsLeaseEnds(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis), new Settings(1,
				Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(200), StoreFailure.REJECT, 1),
				ObservationRegistry.NOOP);
		limiter.acquire(this.appId, Duration.ZERO);
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO));
		assertThat(limiter.acquire(this.appId, Duration.ofSeconds(30))).isNotNull();
	}

	@Test
	void warmUpLoadsTheScriptsAndSurvivesAStoppedRedis(RedisServer redis) throws Exception {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.REJECT, ObservationRegistry.NOOP);
		StringRedisTemplate template = new StringRedisTemplate(factory(redis));
		template.execute((RedisCallback<Object>) (connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});
		limiter.warmUp();
		assertThat(template.execute((RedisCallback<String>) (
				connection) -> connection.serverCommands().info("memory").getProperty("number_of_cached_scripts")))
			.isEqualTo("2");
		redis.stop();
		try {
			limiter.warmUp();
		}
		finally {
			redis.start();
		}
	}

	@Test
	void whileRedisFailsEachInstanceKeepsItsShareOfTheBudget(RedisServer redis) throws Exception {
		RedisTokenPayRateLimiter shared = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 3),
				ObservationRegistry.NOOP);
		RedisTokenPayRateLimiter tooMany = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 7),
				ObservationRegistry.NOOP);
		redis.stop();
		try {
			shared.acquire(this.appId, Duration.ZERO);
			shared.acquire(this.appId, Duration.ZERO);
			assertThatExceptionOfType(TokenPayRateLimitException.class).as("6 permits / 3 instances")
				.isThrownBy(() -> shared.acquire(this.appId, Duration.ZERO));
			assertThatExceptionOfType(TokenPayRateLimitException.class).as("6 permits / 7 instances leaves none")
				.isThrownBy(() -> tooMany.acquire(this.appId, Duration.ZERO))
				.withMessageContaining("tokenpay.rate-limit.instances");
		}
		finally {
			redis.start();
		}
	}

	@Test
	void keysAreHashTaggedByAppIdAndExpire(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.LOCAL, ObservationRegistry.NOOP);
		limiter.acquire(this.appId, Duration.ZERO);
		StringRedisTemplate template = new StringRedisTemplate(factory(redis));
		String key = "tokenpay:rl:{" + this.appId + "}";
		assertThat(template.hasKey(key)).isTrue();
		assertThat(template.opsForZSet().size(key)).isOne();
		assertThat(template.getExpire(key)).as("lease and window").isBetween(10L, 12L);
	}

	@Test
	void storeFailureFallsBackToTheLocalLimitOrRejects(RedisServer redis) throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		RedisTokenPayRateLimiter local = limiter(redis, StoreFailure.LOCAL, registry);
		RedisTokenPayRateLimiter reject = limiter(redis, StoreFailure.REJECT, registry);
		local.acquire(this.appId, Duration.ZERO);
		reject.acquire(this.appId + "-r", Duration.ZERO);
		redis.stop();
		try {
			for (int i = 0; i < 6; i++) {
				local.acquire(this.appId, Duration.ZERO);
			}
			assertThatExceptionOfType(TokenPayRateLimitException.class)
				.isThrownBy(() -> local.acquire(this.appId, Duration.ZERO));
			assertThatExceptionOfType(TokenPayRateLimitException.class)
				.isThrownBy(() -> reject.acquire(this.appId + "-r", Duration.ZERO))
				.withMessageContaining("reject")
				.withMessageContaining("nothing was sent")
				.satisfies((ex) -> assertThat(ex.getCause()).isNotNull());
		}
		finally {
			redis.start();
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "store-failure-local");
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "store-failure-rejected");
		String appId = this.appId + "-back";
		awaitSharedLimit(redis, reject, appId);
	}

	/**
	 * Once Redis is back (the client reconnects in the background), the shared budget
	 * holds again: a second limiter sees the first one's permits.
	 */
	private void awaitSharedLimit(RedisServer redis, RedisTokenPayRateLimiter limiter, String appId)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try {
				limiter.acquire(appId, Duration.ZERO);
				break;
			}
			catch (TokenPayRateLimitException ex) {
				assertThat(System.nanoTime()).as("Redis reachable again within 30s").isLessThan(deadline);
				Thread.sleep(100);
			}
		}
		RedisTokenPayRateLimiter other = limiter(redis, StoreFailure.REJECT, ObservationRegistry.NOOP);
		for (int i = 0; i < 5; i++) {
			other.acquire(appId, Duration.ZERO);
		}
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(appId, Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	private RedisTokenPayRateLimiter limiter(RedisServer redis, StoreFailure onStoreFailure,
			ObservationRegistry registry) {
		return new RedisTokenPayRateLimiter(factory(redis), new Settings(6, Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(10), onStoreFailure, 1), registry);
	}

	private LettuceConnectionFactory factory(RedisServer redis) {
		LettuceConnectionFactory factory = redis.connectionFactory();
		this.factories.add(factory);
		return factory;
	}

}
