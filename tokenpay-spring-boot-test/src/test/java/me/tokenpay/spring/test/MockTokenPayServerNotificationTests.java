package me.tokenpay.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.notification.InMemoryNotificationDeduplicator;
import me.tokenpay.spring.client.notification.NotificationEventType;
import me.tokenpay.spring.client.notification.NotificationKeys;
import me.tokenpay.spring.client.notification.NotificationReply;
import me.tokenpay.spring.client.notification.TokenPayNotification;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the notifications {@link MockTokenPayServer} sends: to a loopback receiver
 * that verifies them with the real parser and dispatcher, with resends, copies and
 * spoiled notifications.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerNotificationTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final Duration SETTLED = Duration.ofSeconds(20);

	private MockTokenPayServer server;

	private TokenPayTemplate template;

	private HttpServer receiver;

	private final List<TokenPayNotification> handled = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private TokenPayNotificationDispatcher dispatcher;

	@BeforeEach
	void start() throws IOException {
		this.server = MockTokenPayServer.start();
		this.server.notifications()
			.schedule(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20));
		this.template = TokenPayTemplates.template(this.server);
		TokenPayNotificationParser parser = new TokenPayNotificationParser(
				NotificationKeys.of(this.server.credentials()), Duration.ofHours(24), 65536, Clock.systemUTC());
		this.dispatcher = new TokenPayNotificationDispatcher(parser,
				new InMemoryNotificationDeduplicator(100, Clock.systemUTC()), List.of((notification) -> {
					if (this.failuresLeft.getAndDecrement() > 0) {
						throw new IllegalStateException("not yet");
					}
					this.handled.add(notification);
				}), null, ObservationRegistry.NOOP, Duration.ofMinutes(2), Duration.ofHours(24));
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		this.receiver.createContext("/notify", this::receive);
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
		this.server.close();
	}

	@Test
	void paidPayoutIsNotifiedOnceAcknowledged() {
		Payout payout = createPayout("order-n1");
		this.server.payouts().markPaid(payout.transactionId());
		List<NotificationDelivery> deliveries = this.server.notifications().await(SETTLED);
		assertThat(deliveries).singleElement().satisfies((delivery) -> {
			assertThat(delivery.acknowledged()).isTrue();
			assertThat(delivery.eventType()).isEqualTo("PAYPAYOUT.SUCCESS");
			assertThat(delivery.transactionId()).isEqualTo(payout.transactionId());
			assertThat(delivery.tamper()).isNull();
		});
		assertThat(this.handled).singleElement().satisfies((notification) -> {
			assertThat(notification.isPayout()).isTrue();
			assertThat(notification.outTradeNo()).isEqualTo("order-n1");
			assertThat(notification.payout().amount()).isEqualByComparingTo("2.5");
			assertThat(notification.payout().txId()).isNotBlank();
		});
	}

	@Test
	void payoutEventTypeCanBeTheChineseSpelling() {
		this.server.notifications().payoutEventType(NotificationEventType.PAYPAYANOTHER_SUCCESS);
		this.server.payouts().markPaid(createPayout("order-n2").transactionId());
		this.server.notifications().await(SETTLED);
		assertThat(this.handled).singleElement()
			.satisfies((notification) -> assertThat(notification.eventType())
				.isEqualTo(NotificationEventType.PAYPAYANOTHER_SUCCESS));
	}

	@Test
	void paidPayInIsNotifiedAsATransaction() {
		this.template.payIns()
			.create(CreatePayInRequest.builder(new BigDecimal("9.99"), Chain.TRON, "USDT")
				.outTradeNo("cart-n3")
				.notifyUrl(notifyUrl())
				.build());
		this.server.payIns().markPaid("cart-n3");
		this.server.notifications().await(SETTLED);
		assertThat(this.handled).singleElement().satisfies((notification) -> {
			assertThat(notification.isPayIn()).isTrue();
			assertThat(notification.transaction().amount()).isEqualByComparingTo("9.99");
			assertThat(notification.transaction().isPaid()).isTrue();
		});
	}

	@Test
	void failedDeliveryIsResentUntilAcknowledged() {
		this.failuresLeft.set(2);
		this.server.payouts().markPaid(createPayout("order-n4").transactionId());
		List<NotificationDelivery> deliveries = this.server.notifications().await(SETTLED);
		assertThat(deliveries).extracting(NotificationDelivery::status).containsExactly(500, 500, 200);
		assertThat(deliveries).extracting(NotificationDelivery::attempt).containsExactly(1, 2, 3);
		assertThat(this.handled).hasSize(1);
	}

	@Test
	void copiesAreAcknowledgedButHandledOnce() {
		this.server.notifications().copies(3);
		this.server.payouts().markPaid(createPayout("order-n5").transactionId());
		List<NotificationDelivery> deliveries = this.server.notifications().await(SETTLED);
		assertThat(deliveries).hasSize(3).allMatch(NotificationDelivery::acknowledged);
		assertThat(deliveries).extracting(NotificationDelivery::copy).containsExactly(1, 2, 3);
		assertThat(this.handled).hasSize(1);
	}

	@Test
	void tamperedSignatureIsRefusedOnEveryAttempt() {
		this.server.notifications().tamperNext(NotificationTamper.SIGNATURE);
		this.server.payouts().markPaid(createPayout("order-n6").transactionId());
		List<NotificationDelivery> deliveries = this.server.notifications().await(SETTLED);
		assertThat(deliveries).hasSize(4).allSatisfy((delivery) -> {
			assertThat(delivery.status()).isEqualTo(400);
			assertThat(delivery.reply()).isEqualTo("fail");
			assertThat(delivery.tamper()).isEqualTo(NotificationTamper.SIGNATURE);
		});
		assertThat(this.handled).isEmpty();
	}

	@Test
	void notificationUnderAnotherKeyIsRefusedAndTheNextIsNotSpoiled() {
		this.server.notifications().tamperNext(NotificationTamper.WRONG_KEY);
		this.server.payouts().markPaid(createPayout("order-n7").transactionId());
		this.server.payouts().markPaid(createPayout("order-n8").transactionId());
		List<NotificationDelivery> deliveries = this.server.notifications().await(SETTLED);
		assertThat(deliveries).filteredOn((delivery) -> delivery.tamper() != null)
			.hasSize(4)
			.allMatch((delivery) -> delivery.status() == 400);
		assertThat(this.handled).singleElement()
			.satisfies((notification) -> assertThat(notification.outTradeNo()).isEqualTo("order-n8"));
	}

	@Test
	void payoutWithoutNotifyUrlIsNotNotified() {
		Payout payout = this.template.payouts()
			.create(CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", ADDRESS).build());
		this.server.payouts().markPaid(payout.transactionId());
		assertThat(this.server.notifications().await(SETTLED)).isEmpty();
	}

	@Test
	void resetStopsDeliveriesUnderWay() {
		this.failuresLeft.set(100);
		this.server.notifications().schedule(Duration.ZERO, Duration.ofSeconds(5));
		this.server.payouts().markPaid(createPayout("order-n9").transactionId());
		this.server.reset();
		assertThat(this.server.notifications().await(Duration.ofSeconds(1))).isEmpty();
	}

	private Payout createPayout(String outTradeNo) {
		return this.template.payouts()
			.create(CreatePayoutRequest.builder(new BigDecimal("2.5"), Chain.TRON, "USDT", ADDRESS)
				.outTradeNo(outTradeNo)
				.notifyUrl(notifyUrl())
				.build());
	}

	private String notifyUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/notify";
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			NotificationReply reply = this.dispatcher.receive(exchange.getRequestHeaders()::getFirst, body);
			byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(reply.status(), answer.length);
			try (OutputStream output = exchange.getResponseBody()) {
				output.write(answer);
			}
		}
	}

}
