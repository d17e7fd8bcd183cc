package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter.Settings;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter.Permit;
import me.tokenpay.spring.redis.RedisServer;
import me.tokenpay.spring.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedisTokenPayRateLimiter} against a real {@code redis-server}: the
 * budget is shared by limiters on separate connections, kept per app id on the server's
 * clock, and Redis failures are handled as configured.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith({ RedisServerExtension.class, OutputCaptureExtension.class })
class RedisTokenPayRateLimiterTests {

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private final String appId = UUID.randomUUID().toString().replace("-", "");

	private final AtomicLong ticker = new AtomicLong(-TimeUnit.HOURS.toNanos(1));

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
		redis.whileStopped(() -> {
			limiter.warmUp();
		});
	}

	@Test
	void whileRedisFailsEachInstanceKeepsItsShareOfTheBudget(RedisServer redis) throws Exception {
		RedisTokenPayRateLimiter shared = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 3),
				ObservationRegistry.NOOP);
		RedisTokenPayRateLimiter tooMany = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 7),
				ObservationRegistry.NOOP);
		redis.whileStopped(() -> {
			shared.acquire(this.appId, Duration.ZERO);
			shared.acquire(this.appId, Duration.ZERO);
			assertThatExceptionOfType(TokenPayRateLimitException.class).as("6 permits / 3 instances")
				.isThrownBy(() -> shared.acquire(this.appId, Duration.ZERO));
			assertThatExceptionOfType(TokenPayRateLimitException.class).as("6 permits / 7 instances leaves none")
				.isThrownBy(() -> tooMany.acquire(this.appId, Duration.ZERO))
				.withMessageContaining("tokenpay.rate-limit.instances");
		});
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
		redis.whileStopped(() -> {
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
		});
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "store-failure-local");
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "store-failure-rejected");
		awaitReconnected();
		this.ticker.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertSharedLimit(redis, reject, this.appId + "-back");
	}

	@Test
	void releasingTwiceDoesNotMoveTheStartOfThePermitsWindow(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.REJECT, ObservationRegistry.NOOP);
		StringRedisTemplate template = new StringRedisTemplate(factory(redis));
		String key = RedisTokenPayRateLimiter.key(this.appId);
		Permit permit = limiter.acquire(this.appId, Duration.ZERO);
		Double leaseEnd = template.opsForZSet().score(key, template.opsForZSet().range(key, 0, 0).iterator().next());
		permit.release();
		Double released = template.opsForZSet().rangeWithScores(key, 0, 0).iterator().next().getScore();
		assertThat(released).as("released now, before its lease ends").isLessThan(leaseEnd);
		permit.close();
		assertThat(template.opsForZSet().rangeWithScores(key, 0, 0).iterator().next().getScore()).isEqualTo(released);
	}

	@Test
	void afterAStoreFailureRedisIsNotAskedAgainForASecondOfTheTicker(RedisServer redis) throws Exception {
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 3),
				ObservationRegistry.NOOP, this.ticker::get);
		StringRedisTemplate template = new StringRedisTemplate(factory(redis));
		String key = RedisTokenPayRateLimiter.key(this.appId);
		redis.whileStopped(() -> {
			limiter.acquire(this.appId, Duration.ZERO);
		});
		this.ticker.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
		limiter.acquire(this.appId, Duration.ZERO);
		assertThatExceptionOfType(TokenPayRateLimitException.class).as("the local share of 6 / 3 is used up")
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO));
		assertThat(template.hasKey(key)).as("Redis not asked within the second").isFalse();
		this.ticker.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
		awaitReconnected();
		limiter.acquire(this.appId, Duration.ZERO);
		assertThat(template.opsForZSet().size(key)).isOne();
	}

	@Test
	void aRejectingLimiterSaysWhyWithinTheSecondAfterAFailure(RedisServer redis) throws Exception {
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(6, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.REJECT, 1),
				ObservationRegistry.NOOP, this.ticker::get);
		redis.whileStopped(() -> {
			assertThatExceptionOfType(TokenPayRateLimitException.class)
				.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO))
				.withMessageContaining("tokenpay.rate-limit.on-store-failure is reject")
				.satisfies((ex) -> assertThat(ex.getCause()).isNotInstanceOf(IllegalStateException.class));
		});
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO))
			.withMessageContaining("nothing was sent")
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("Redis failed less than a second ago");
	}

	@Test
	void storeFailuresAreLoggedOnceAMinuteOfTheTicker(RedisServer redis, CapturedOutput output) throws Exception {
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(60, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.LOCAL, 3),
				ObservationRegistry.NOOP, this.ticker::get);
		String logged = "limiting TokenPay calls in this instance to its share of 20 per 1000ms";
		redis.whileStopped(() -> {
			limiter.acquire(this.appId, Duration.ZERO);
			assertThat(occurrences(output, logged)).as("the first failure").isOne();
			this.ticker.addAndGet(TimeUnit.MILLISECONDS.toNanos(59_999));
			limiter.acquire(this.appId, Duration.ZERO);
			assertThat(occurrences(output, logged)).as("a failure within the minute").isOne();
			this.ticker.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_001));
			limiter.acquire(this.appId, Duration.ZERO);
			assertThat(occurrences(output, logged)).as("the minute is over").isEqualTo(2);
		});
	}

	@Test
	void aRejectingLimiterLogsWhyItRefuses(RedisServer redis, CapturedOutput output) throws Exception {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.REJECT, ObservationRegistry.NOOP);
		redis.whileStopped(() -> {
			assertThatExceptionOfType(TokenPayRateLimitException.class)
				.isThrownBy(() -> limiter.acquire(this.appId, Duration.ZERO));
		});
		assertThat(output).contains("Redis rate limit store failed; refusing TokenPay calls until it is back");
	}

	@Test
	void aRefusalAfterWaitingIsNotAStoreFailure(RedisServer redis) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(factory(redis),
				new Settings(1, Duration.ofMinutes(1), Duration.ZERO, Duration.ofSeconds(10), StoreFailure.REJECT, 1),
				registry);
		limiter.acquire(this.appId, Duration.ZERO).release();
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(this.appId, Duration.ofSeconds(59)))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "granted")
			.hasAnObservationWithAKeyValue("outcome", "denied")
			.hasNumberOfObservationsWithNameEqualTo("tokenpay.rate-limit", 2)
			.hasObservationWithNameEqualTo("tokenpay.rate-limit")
			.that()
			.hasBeenStopped();
	}

	@Test
	void settingsRefuseUnusableValuesAndAcceptTheSmallestUsableOnes() {
		Duration ms = Duration.ofMillis(1);
		assertThat(new Settings(1, ms, Duration.ZERO, ms, StoreFailure.LOCAL, 1)).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Settings(0, ms, Duration.ZERO, ms, StoreFailure.LOCAL, 1))
			.withMessage("Permits must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Settings(1, Duration.ofNanos(999_999), Duration.ZERO, ms, StoreFailure.LOCAL, 1))
			.withMessage("Window must be at least one millisecond");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Settings(1, ms, Duration.ofNanos(-1), ms, StoreFailure.LOCAL, 1))
			.withMessage("Max wait must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Settings(1, ms, Duration.ZERO, Duration.ofNanos(999_999), StoreFailure.LOCAL, 1))
			.withMessage("Lease must be at least one millisecond");
		assertThatIllegalArgumentException().isThrownBy(() -> new Settings(1, ms, Duration.ZERO, ms, null, 1))
			.withMessage("On store failure must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Settings(1, ms, Duration.ZERO, ms, StoreFailure.LOCAL, 0))
			.withMessage("Instances must be positive");
	}

	@Test
	void toStringShowsTheSettingsAndKeyTheHashTaggedAppId(RedisServer redis) {
		RedisTokenPayRateLimiter limiter = limiter(redis, StoreFailure.REJECT, ObservationRegistry.NOOP);
		assertThat(limiter)
			.hasToString("RedisTokenPayRateLimiter[6 per 1000ms, maxWait=PT2S, lease=PT10S, onStoreFailure=REJECT]");
		assertThat(limiter.getMaxWait()).isEqualTo(Duration.ofSeconds(2));
		assertThat(RedisTokenPayRateLimiter.key("abc")).isEqualTo("tokenpay:rl:{abc}");
	}

	private static int occurrences(CapturedOutput output, String text) {
		return output.getAll().split(java.util.regex.Pattern.quote(text), -1).length - 1;
	}

	/**
	 * Once Redis is back and a second has passed since the failure, the shared budget
	 * holds again: a second limiter sees the first one's permits.
	 */
	private void assertSharedLimit(RedisServer redis, RedisTokenPayRateLimiter limiter, String appId) {
		limiter.acquire(appId, Duration.ZERO);
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
				Duration.ofSeconds(2), Duration.ofSeconds(10), onStoreFailure, 1), registry, this.ticker::get);
	}

	/**
	 * Wait until every connection of the test has reconnected to a restarted server: each
	 * PING waits for the client's background reconnection up to its command timeout, so
	 * nothing sleeps and a slow machine only makes it wait longer.
	 */
	private void awaitReconnected() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		for (LettuceConnectionFactory factory : this.factories) {
			while (!pings(factory)) {
				assertThat(System.nanoTime()).as("Redis reachable again within a minute").isLessThan(deadline);
			}
		}
	}

	private static boolean pings(LettuceConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			return "PONG".equals(connection.ping());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private LettuceConnectionFactory factory(RedisServer redis) {
		LettuceConnectionFactory factory = redis.connectionFactory();
		this.factories.add(factory);
		return factory;
	}

}
