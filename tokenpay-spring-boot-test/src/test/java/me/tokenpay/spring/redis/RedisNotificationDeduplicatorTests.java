package me.tokenpay.spring.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.notification.NotificationKeys;
import me.tokenpay.spring.client.notification.NotificationOutcome;
import me.tokenpay.spring.client.notification.NotificationReply;
import me.tokenpay.spring.client.notification.RedisNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator.Claim;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.notification.TokenPayNotificationHandler;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.SignedNotification;
import me.tokenpay.spring.test.TokenPayNotifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisNotificationDeduplicator} against a real {@code redis-server}:
 * two instances, each with its own connection and dispatcher, receive the same
 * notification.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(RedisServerExtension.class)
class RedisNotificationDeduplicatorTests {

	private final TokenPayCredentials credentials = MockTokenPayServer.generateCredentials();

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
		TokenPayNotificationHandler slow = (notification) -> {
			this.handledBy.add(Thread.currentThread().getName());
			Thread.sleep(300);
		};
		TokenPayNotificationDispatcher first = dispatcher(redis, StoreFailure.LOCAL, slow);
		TokenPayNotificationDispatcher second = dispatcher(redis, StoreFailure.LOCAL, slow);
		SignedNotification notification = payoutPaid("order-r1");
		Future<NotificationReply> one = this.executor.submit(() -> {
			bothArrived.countDown();
			bothArrived.await();
			return receive(first, notification);
		});
		Future<NotificationReply> two = this.executor.submit(() -> {
			bothArrived.countDown();
			bothArrived.await();
			return receive(second, notification);
		});
		List<NotificationOutcome> outcomes = List.of(one.get(10, TimeUnit.SECONDS).outcome(),
				two.get(10, TimeUnit.SECONDS).outcome());
		assertThat(outcomes).containsExactlyInAnyOrder(NotificationOutcome.SUCCESS, NotificationOutcome.IN_PROGRESS);
		assertThat(this.handledBy).hasSize(1);
		assertThat(receive(second, notification).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(receive(first, notification).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.handledBy).hasSize(1);
	}

	@Test
	void handlerFailureOnOneInstanceLetsTheResendBeHandledOnTheOther(RedisServer redis) {
		TokenPayNotificationDispatcher failing = dispatcher(redis, StoreFailure.LOCAL, (notification) -> {
			throw new IllegalStateException("database down on this instance");
		});
		TokenPayNotificationDispatcher healthy = dispatcher(redis, StoreFailure.LOCAL,
				(notification) -> this.handledBy.add("healthy"));
		SignedNotification notification = payoutPaid("order-r2");
		NotificationReply failed = receive(failing, notification);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(receive(healthy, notification).outcome()).isEqualTo(NotificationOutcome.SUCCESS);
		assertThat(receive(failing, notification).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.handledBy).containsExactly("healthy");
	}

	@Test
	void releaseOnlyDeletesTheOwnersClaimAndCompletionExpires(RedisServer redis) throws InterruptedException {
		RedisNotificationDeduplicator deduplicator = new RedisNotificationDeduplicator(factory(redis),
				StoreFailure.REJECT);
		String key = "k-" + System.nanoTime();
		assertThat(deduplicator.claim(key, "a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		deduplicator.release(key, "b");
		assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(1))).isEqualTo(Claim.IN_PROGRESS);
		deduplicator.release(key, "a");
		assertThat(deduplicator.claim(key, "b", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		deduplicator.complete(key, "b", Duration.ofMillis(200));
		assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		Thread.sleep(400);
		assertThat(deduplicator.claim(key, "c", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void storeFailureDeduplicatesLocallyOrAnswersFail(RedisServer redis) throws Exception {
		TokenPayNotificationDispatcher local = dispatcher(redis, StoreFailure.LOCAL,
				(notification) -> this.handledBy.add("local"));
		TokenPayNotificationDispatcher reject = dispatcher(redis, StoreFailure.REJECT,
				(notification) -> this.handledBy.add("reject"));
		SignedNotification notification = payoutPaid("order-r3");
		redis.stop();
		try {
			assertThat(receive(local, notification).outcome()).isEqualTo(NotificationOutcome.SUCCESS);
			assertThat(receive(local, notification).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
			NotificationReply rejected = receive(reject, notification);
			assertThat(rejected.status()).isEqualTo(500);
			assertThat(rejected.outcome()).isEqualTo(NotificationOutcome.STORE_ERROR);
		}
		finally {
			redis.start();
		}
		assertThat(this.handledBy).containsExactly("local");
		RedisNotificationDeduplicator direct = new RedisNotificationDeduplicator(factory(redis), StoreFailure.REJECT);
		AtomicBoolean reachable = new AtomicBoolean();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!reachable.get() && System.nanoTime() < deadline) {
			try {
				direct.claim("probe-" + System.nanoTime(), "p", Duration.ofSeconds(1));
				reachable.set(true);
			}
			catch (RuntimeException ex) {
				Thread.sleep(100);
			}
		}
		assertThat(reachable).as("Redis reachable again").isTrue();
	}

	private TokenPayNotificationDispatcher dispatcher(RedisServer redis, StoreFailure onStoreFailure,
			TokenPayNotificationHandler handler) {
		TokenPayNotificationParser parser = new TokenPayNotificationParser(NotificationKeys.of(this.credentials),
				Duration.ofHours(24), 65536, Clock.systemUTC());
		return new TokenPayNotificationDispatcher(parser,
				new RedisNotificationDeduplicator(factory(redis), onStoreFailure), List.of(handler), null,
				ObservationRegistry.NOOP, Duration.ofMinutes(2), Duration.ofHours(24));
	}

	private SignedNotification payoutPaid(String outTradeNo) {
		return TokenPayNotifications.forTesting(this.credentials)
			.notification("PAYPAYOUT.SUCCESS", "payout",
					"{\"out_trade_no\":\"" + outTradeNo + "\",\"transaction_id\":\"" + outTradeNo + "-"
							+ System.nanoTime() + "\",\"trade_state\":\"SUCCESS\"}");
	}

	private static NotificationReply receive(TokenPayNotificationDispatcher dispatcher,
			SignedNotification notification) {
		return dispatcher.receive(notification.headers()::get, notification.body());
	}

	private LettuceConnectionFactory factory(RedisServer redis) {
		LettuceConnectionFactory factory = redis.connectionFactory();
		this.factories.add(factory);
		return factory;
	}

}
