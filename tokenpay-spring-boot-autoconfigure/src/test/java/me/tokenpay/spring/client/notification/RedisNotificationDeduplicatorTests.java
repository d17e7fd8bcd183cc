package me.tokenpay.spring.client.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.MovableClock;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.notification.NotificationVectors.Delivery;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator.Claim;
import me.tokenpay.spring.redis.RedisServer;
import me.tokenpay.spring.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static me.tokenpay.spring.client.notification.NotificationVectors.APP_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.MCH_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAYOUT_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedisNotificationDeduplicator} against a real {@code redis-server}:
 * two instances, each with its own connection and dispatcher, receive the same
 * notification; keys carry the lease and retention asked for (read back from Redis rather
 * than waited for); a failing Redis is handled as configured.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith({ RedisServerExtension.class, OutputCaptureExtension.class })
class RedisNotificationDeduplicatorTests {

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private final List<String> handledBy = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	@AfterEach
	void close() {
		this.executor.shutdownNow();
		this.factories.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void notificationDeliveredToTwoInstancesAtOnceIsHandledOnce(RedisServer redis) throws Exception {
		CountDownLatch bothArrived = new CountDownLatch(2);
		CountDownLatch secondAnswered = new CountDownLatch(1);
		TokenPayNotificationHandler waitsForTheOther = (notification) -> {
			this.handledBy.add(Thread.currentThread().getName());
			secondAnswered.await(10, TimeUnit.SECONDS);
		};
		TokenPayNotificationDispatcher first = dispatcher(redis, StoreFailure.LOCAL, waitsForTheOther);
		TokenPayNotificationDispatcher second = dispatcher(redis, StoreFailure.LOCAL, waitsForTheOther);
		Delivery delivery = payoutPaid();
		List<Future<NotificationReply>> replies = new ArrayList<>();
		for (TokenPayNotificationDispatcher dispatcher : List.of(first, second)) {
			replies.add(this.executor.submit(() -> {
				bothArrived.countDown();
				bothArrived.await();
				NotificationReply reply = receive(dispatcher, delivery);
				if (reply.outcome() == NotificationOutcome.IN_PROGRESS) {
					secondAnswered.countDown();
				}
				return reply;
			}));
		}
		List<NotificationOutcome> outcomes = List.of(replies.get(0).get(20, TimeUnit.SECONDS).outcome(),
				replies.get(1).get(20, TimeUnit.SECONDS).outcome());
		assertThat(outcomes).containsExactlyInAnyOrder(NotificationOutcome.SUCCESS, NotificationOutcome.IN_PROGRESS);
		assertThat(this.handledBy).hasSize(1);
		assertThat(receive(second, delivery).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(receive(first, delivery).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.handledBy).hasSize(1);
	}

	@Test
	void handlerFailureOnOneInstanceLetsTheResendBeHandledOnTheOther(RedisServer redis) {
		TokenPayNotificationDispatcher failing = dispatcher(redis, StoreFailure.LOCAL, (notification) -> {
			throw new IllegalStateException("database down on this instance");
		});
		TokenPayNotificationDispatcher healthy = dispatcher(redis, StoreFailure.LOCAL,
				(notification) -> this.handledBy.add("healthy"));
		Delivery delivery = payoutPaid();
		NotificationReply failed = receive(failing, delivery);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(receive(healthy, delivery).outcome()).isEqualTo(NotificationOutcome.SUCCESS);
		assertThat(receive(failing, delivery).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.handledBy).containsExactly("healthy");
	}

	@Test
	void releaseOnlyDeletesTheOwnersClaim(RedisServer redis) {
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.REJECT);
		String key = newKey();
		assertThat(deduplicator.claim(key, "a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		deduplicator.release(key, "b");
		assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(1))).isEqualTo(Claim.IN_PROGRESS);
		deduplicator.release(key, "a");
		assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		deduplicator.complete(key, "b", Duration.ofMinutes(5));
		deduplicator.release(key, "b");
		assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(1))).as("a completed key is not released")
			.isEqualTo(Claim.DONE);
	}

	@Test
	void claimKeepsItsLeaseAndCompletionItsRetentionInRedis(RedisServer redis) {
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.REJECT);
		StringRedisTemplate template = new StringRedisTemplate(factory(redis));
		String key = newKey();
		String redisKey = RedisNotificationDeduplicator.KEY_PREFIX + key;
		deduplicator.claim(key, "owner-1", Duration.ofSeconds(90));
		assertThat(template.opsForValue().get(redisKey)).isEqualTo("owner-1");
		assertThat(template.getExpire(redisKey, TimeUnit.MILLISECONDS)).isBetween(1L, 90_000L).isGreaterThan(60_000L);
		deduplicator.complete(key, "owner-1", Duration.ofHours(24));
		assertThat(template.opsForValue().get(redisKey)).isEqualTo("done");
		assertThat(template.getExpire(redisKey, TimeUnit.SECONDS)).isBetween(23 * 3600L, 24 * 3600L);
		template.delete(redisKey);
		assertThat(deduplicator.claim(key, "owner-2", Duration.ofSeconds(90))).as("expired: claimed again")
			.isEqualTo(Claim.CLAIMED);
	}

	@Test
	void storeFailureDeduplicatesLocallyOrAnswersFail(RedisServer redis) throws Exception {
		TokenPayNotificationDispatcher local = dispatcher(redis, StoreFailure.LOCAL,
				(notification) -> this.handledBy.add("local"));
		TokenPayNotificationDispatcher reject = dispatcher(redis, StoreFailure.REJECT,
				(notification) -> this.handledBy.add("reject"));
		Delivery delivery = payoutPaid();
		redis.whileStopped(() -> {
			assertThat(receive(local, delivery).outcome()).isEqualTo(NotificationOutcome.SUCCESS);
			assertThat(receive(local, delivery).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
			NotificationReply rejected = receive(reject, delivery);
			assertThat(rejected.status()).isEqualTo(500);
			assertThat(rejected.outcome()).isEqualTo(NotificationOutcome.STORE_ERROR);
		});
		assertThat(this.handledBy).containsExactly("local");
	}

	@Test
	void theLocalFallbackKeepsLeasesOnTheGivenClock(RedisServer redis) throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.LOCAL, clock);
		String key = newKey();
		redis.whileStopped(() -> {
			assertThat(deduplicator.claim(key, "a", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
			clock.move(Duration.ofMinutes(1));
			assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
			clock.move(Duration.ofMinutes(1));
			assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(2))).as("lease over").isEqualTo(Claim.CLAIMED);
			deduplicator.release(key, "a");
			assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(2))).as("only the owner releases")
				.isEqualTo(Claim.IN_PROGRESS);
			deduplicator.complete(key, "b", Duration.ofHours(1));
			clock.move(Duration.ofMinutes(59));
			assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(2))).isEqualTo(Claim.DONE);
			clock.move(Duration.ofMinutes(1));
			assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
		});
	}

	@Test
	void theFallbackReleasesItsOwnersClaim(RedisServer redis) throws Exception {
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.LOCAL);
		String key = newKey();
		redis.whileStopped(() -> {
			assertThat(deduplicator.claim(key, "a", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
			deduplicator.release(key, "a");
			assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
		});
	}

	@Test
	void storeFailuresAreLoggedOnceAMinuteOfTheClock(RedisServer redis, CapturedOutput output) throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RedisNotificationDeduplicator local = new RedisNotificationDeduplicator(factory(redis), StoreFailure.LOCAL,
				clock);
		RedisNotificationDeduplicator reject = new RedisNotificationDeduplicator(factory(redis), StoreFailure.REJECT,
				clock);
		String logged = "deduplicating in this instance only until it is back";
		redis.whileStopped(() -> {
			local.claim(newKey(), "a", Duration.ofMinutes(2));
			assertThat(occurrences(output, logged)).as("the first failure").isOne();
			clock.move(Duration.ofMillis(59_999));
			local.claim(newKey(), "a", Duration.ofMinutes(2));
			assertThat(occurrences(output, logged)).as("a failure within the minute").isOne();
			clock.move(Duration.ofMillis(1));
			local.claim(newKey(), "a", Duration.ofMinutes(2));
			assertThat(occurrences(output, logged)).as("a minute later").isEqualTo(2);
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> reject.claim(newKey(), "a", Duration.ofMinutes(2)));
			assertThat(output).contains("answering notifications 'fail' until it is back");
		});
	}

	@Test
	void rejectingStoreRethrowsEveryRedisFailure(RedisServer redis) throws Exception {
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.REJECT);
		String key = newKey();
		redis.whileStopped(() -> {
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> deduplicator.claim(key, "a", Duration.ofMinutes(1)));
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> deduplicator.complete(key, "a", Duration.ofMinutes(1)));
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> deduplicator.release(key, "a"));
		});
	}

	@Test
	void refusesMissingCollaborators(RedisServer redis) {
		RedisConnectionFactory factory = factory(redis);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisNotificationDeduplicator(null, StoreFailure.LOCAL, Clock.systemUTC()))
			.withMessageContaining("connection factory");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisNotificationDeduplicator(factory, null, Clock.systemUTC()))
			.withMessageContaining("Store failure");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisNotificationDeduplicator(factory, StoreFailure.LOCAL, null))
			.withMessageContaining("Clock");
	}

	private TokenPayNotificationDispatcher dispatcher(RedisServer redis, StoreFailure onStoreFailure,
			TokenPayNotificationHandler handler) {
		TokenPayNotificationParser parser = new TokenPayNotificationParser(
				NotificationKeys.of(new TokenPayCredentials(APP_ID, MCH_ID, SECRET)), Duration.ofHours(24), 65536,
				Clock.systemUTC());
		return new TokenPayNotificationDispatcher(parser,
				new RedisNotificationDeduplicator(factory(redis), onStoreFailure), List.of(handler), null,
				ObservationRegistry.NOOP, Duration.ofMinutes(2), Duration.ofHours(24));
	}

	private static Delivery payoutPaid() {
		String transactionId = UUID.randomUUID().toString().replace("-", "");
		return NotificationVectors.delivery("PAYPAYOUT.SUCCESS", "payout",
				PAYOUT_DETAIL.replace("e98b3029477f4bdcb971797a9d9e09ce", transactionId), null);
	}

	private static int occurrences(CapturedOutput output, String text) {
		return output.getAll().split(Pattern.quote(text), -1).length - 1;
	}

	private static String newKey() {
		return "k-" + UUID.randomUUID();
	}

	private static NotificationReply receive(TokenPayNotificationDispatcher dispatcher, Delivery delivery) {
		return dispatcher.receive(delivery.headers()::get, delivery.bytes());
	}

	private LettuceConnectionFactory factory(RedisServer redis) {
		LettuceConnectionFactory factory = redis.connectionFactory();
		this.factories.add(factory);
		return factory;
	}

}
