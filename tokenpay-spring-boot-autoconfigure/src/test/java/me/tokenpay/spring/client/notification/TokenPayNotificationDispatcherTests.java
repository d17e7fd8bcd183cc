package me.tokenpay.spring.client.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.notification.NotificationVectors.Delivery;
import org.junit.jupiter.api.Test;

import static me.tokenpay.spring.client.notification.NotificationVectors.APP_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAYOUT_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAY_IN_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.SECRET;
import static me.tokenpay.spring.client.notification.NotificationVectors.delivery;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayNotificationDispatcher}: what each delivery is answered, that
 * handlers and listeners run once per notification, and how it is observed.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayNotificationDispatcherTests {

	private final TokenPayNotificationParser parser = new TokenPayNotificationParser(
			NotificationKeys.of(new TokenPayCredentials(APP_ID, "12345678", SECRET)), Duration.ofHours(24), 65536,
			Clock.systemUTC());

	private final InMemoryNotificationDeduplicator deduplicator = new InMemoryNotificationDeduplicator(1000,
			Clock.systemUTC());

	private final List<TokenPayNotification> handled = new CopyOnWriteArrayList<>();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void handledNotificationIsAcknowledgedAndItsResendsAreNotHandledAgain() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		for (int i = 0; i < 3; i++) {
			NotificationReply reply = receive(dispatcher, delivery);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo("success");
			assertThat(reply.outcome())
				.isEqualTo((i == 0) ? NotificationOutcome.SUCCESS : NotificationOutcome.DUPLICATE);
		}
		assertThat(this.handled).hasSize(1);
		assertThat(this.events).singleElement().isInstanceOf(PayoutNotificationEvent.class);
		assertThat(((PayoutNotificationEvent) this.events.get(0)).getPayout().outTradeNo()).isEqualTo("order-1042");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.notifications")
			.that()
			.hasLowCardinalityKeyValue("event.type", "PAYPAYOUT.SUCCESS")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("tokenpay.app.id", APP_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("tokenpay.notifications", 3);
	}

	@Test
	void aResendWithAnotherSignatureTimestampIsStillADuplicate() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		Delivery first = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		long later = Long.parseLong(first.headers().get("TTPay-Timestamp")) + 5;
		Delivery resend = NotificationVectors.signed(first.body(), Long.toString(later), NotificationVectors.SECRET);
		assertThat(resend.headers()).isNotEqualTo(first.headers());
		receive(dispatcher, first);
		assertThat(receive(dispatcher, resend).outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.handled).hasSize(1);
	}

	@Test
	void aNewStateOfTheSameOrderIsANewNotification() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		receive(dispatcher, delivery("ORDER.EVENT", "transaction", PAY_IN_DETAIL, null));
		receive(dispatcher, delivery("ORDER.EVENT", "transaction", PAY_IN_DETAIL.replace("SUCCESS", "REFUND"), null));
		assertThat(this.handled).hasSize(2);
		assertThat(this.events).allMatch(PayInNotificationEvent.class::isInstance);
	}

	@Test
	void failingHandlerIsAnsweredFailAndTheResendIsHandled() {
		AtomicInteger calls = new AtomicInteger();
		TokenPayNotificationDispatcher dispatcher = dispatcher((notification) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database unavailable");
			}
			this.handled.add(notification);
		});
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		NotificationReply failed = receive(dispatcher, delivery);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.body()).isEqualTo("fail");
		assertThat(failed.outcome()).isEqualTo(NotificationOutcome.HANDLER_ERROR);
		NotificationReply resent = receive(dispatcher, delivery);
		assertThat(resent.outcome()).isEqualTo(NotificationOutcome.SUCCESS);
		assertThat(this.handled).hasSize(1);
		assertThat(calls).hasValue(2);
	}

	@Test
	void failingListenerIsAnsweredFailAndNoHandlerRuns() {
		TokenPayNotificationDispatcher dispatcher = new TokenPayNotificationDispatcher(this.parser, this.deduplicator,
				List.of(this.handled::add), (event) -> {
					throw new IllegalStateException("listener failed");
				}, this.registry, Duration.ofMinutes(2), Duration.ofHours(24));
		NotificationReply reply = receive(dispatcher, delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null));
		assertThat(reply.outcome()).isEqualTo(NotificationOutcome.HANDLER_ERROR);
		assertThat(this.handled).isEmpty();
	}

	@Test
	void checkedExceptionOfAHandlerIsAHandlerError() {
		TokenPayNotificationDispatcher dispatcher = dispatcher((notification) -> {
			throw new java.io.IOException("disk full");
		});
		assertThat(receive(dispatcher, delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null)).status())
			.isEqualTo(500);
	}

	@Test
	void notificationBeingHandledElsewhereIsAnsweredFailToBeSentLater() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		String key = this.parser.parse(delivery.headers(), delivery.bytes()).deduplicationKey();
		this.deduplicator.claim(key, "other-instance", Duration.ofMinutes(2));
		NotificationReply reply = receive(dispatcher, delivery);
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.outcome()).isEqualTo(NotificationOutcome.IN_PROGRESS);
		assertThat(this.handled).isEmpty();
	}

	@Test
	void untrustedDeliveryIsAnsweredBadRequestFailWithoutHandling() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null).withHeader("TTPay-Signature",
				"AAAA");
		NotificationReply reply = receive(dispatcher, delivery);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo("fail");
		assertThat(reply.outcome()).isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(this.handled).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.notifications")
			.that()
			.hasLowCardinalityKeyValue("outcome", "bad-signature")
			.hasLowCardinalityKeyValue("event.type", "unknown");
	}

	@Test
	void failingStoreIsAnsweredFailToBeSentLater() {
		TokenPayNotificationDeduplicator unavailable = new TokenPayNotificationDeduplicator() {

			@Override
			public Claim claim(String key, String owner, Duration lease) {
				throw new IllegalStateException("store down");
			}

			@Override
			public void complete(String key, String owner, Duration retention) {
			}

			@Override
			public void release(String key, String owner) {
			}

		};
		TokenPayNotificationDispatcher dispatcher = new TokenPayNotificationDispatcher(this.parser, unavailable,
				List.of(this.handled::add), null, this.registry, Duration.ofMinutes(2), Duration.ofHours(24));
		NotificationReply reply = receive(dispatcher, delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null));
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.outcome()).isEqualTo(NotificationOutcome.STORE_ERROR);
		assertThat(this.handled).isEmpty();
	}

	@Test
	void madeUpEventTypesAreObservedAsOther() {
		TokenPayNotificationDispatcher dispatcher = dispatcher(this.handled::add);
		receive(dispatcher, delivery("made up <script>", "payout", PAYOUT_DETAIL, null));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.notifications")
			.that()
			.hasLowCardinalityKeyValue("event.type", "other");
	}

	@Test
	void handlersRunInOrderAfterTheListeners() {
		List<String> calls = new ArrayList<>();
		TokenPayNotificationDispatcher dispatcher = new TokenPayNotificationDispatcher(this.parser, this.deduplicator,
				List.of((notification) -> calls.add("first"), (notification) -> calls.add("second")),
				(event) -> calls.add("listener"), this.registry, Duration.ofMinutes(2), Duration.ofHours(24));
		receive(dispatcher, delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null));
		assertThat(calls).containsExactly("listener", "first", "second");
	}

	private TokenPayNotificationDispatcher dispatcher(TokenPayNotificationHandler handler) {
		return new TokenPayNotificationDispatcher(this.parser, this.deduplicator, List.of(handler), this.events::add,
				this.registry, Duration.ofMinutes(2), Duration.ofHours(24));
	}

	private static NotificationReply receive(TokenPayNotificationDispatcher dispatcher, Delivery delivery) {
		return dispatcher.receive(delivery.headers()::get, delivery.bytes());
	}

}
