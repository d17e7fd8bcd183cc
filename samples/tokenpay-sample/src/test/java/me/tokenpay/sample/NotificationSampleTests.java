package me.tokenpay.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockPayout;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.NotificationDelivery;
import me.tokenpay.spring.test.NotificationTamper;
import me.tokenpay.spring.test.SignedNotification;
import me.tokenpay.spring.test.TokenPayNotifications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the sample creates payouts and pay-ins with its own notification URL, the
 * embedded {@link MockTokenPayServer} pays them and delivers signed, encrypted
 * notifications to the starter's endpoint, and the sample's handler records each once.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockTokenPay
class NotificationSampleTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final Duration SETTLED = Duration.ofSeconds(30);

	@Autowired
	MockTokenPayServer tokenPay;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = SampleClients.to(this.port);
		this.tokenPay.notifications().schedule(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(50));
	}

	@Test
	void paidPayoutIsHandledOnceThoughDeliveredThreeTimes() {
		this.tokenPay.notifications().copies(3);
		MockPayout payout = createPayout("notified-1");
		this.tokenPay.payouts().markPaid(payout.transactionId());
		List<NotificationDelivery> deliveries = this.tokenPay.notifications().await(SETTLED);
		assertThat(deliveries).hasSize(3).allMatch(NotificationDelivery::acknowledged);
		assertThat(recorded("notified-1")).singleElement().satisfies((notification) -> {
			assertThat(notification.get("eventType")).isEqualTo("PAYPAYOUT.SUCCESS");
			assertThat(notification.get("merchant")).isEqualTo("default");
			assertThat(notification.get("transactionId")).isEqualTo(payout.transactionId());
			assertThat(notification.get("tradeState")).isEqualTo("SUCCESS");
			assertThat(notification.get("amount")).isEqualTo("12.5");
		});
	}

	@Test
	void handlerFailureIsAnsweredFailAndTheResendIsHandled() {
		MockPayout payout = createPayout(NotificationRecorder.FAIL_ONCE_PREFIX + "2");
		this.tokenPay.payouts().markPaid(payout.transactionId());
		List<NotificationDelivery> deliveries = this.tokenPay.notifications().await(SETTLED);
		assertThat(deliveries).extracting(NotificationDelivery::status).containsExactly(500, 200);
		assertThat(deliveries.get(0).reply()).isEqualTo("fail");
		assertThat(deliveries.get(1).reply()).isEqualTo("success");
		assertThat(recorded(NotificationRecorder.FAIL_ONCE_PREFIX + "2")).hasSize(1);
	}

	@Test
	void paidPayInIsHandled() {
		this.client.post()
			.uri("/pay-ins")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("amount", "9.99", "chain", "TRON", "currency", "USDT", "outTradeNo", "notified-3", "notifyUrl",
					notifyUrl()))
			.exchange()
			.expectStatus()
			.isCreated();
		this.tokenPay.payIns().markPaid("notified-3");
		this.tokenPay.notifications().await(SETTLED);
		assertThat(recorded("notified-3")).singleElement().satisfies((notification) -> {
			assertThat(notification.get("tradeState")).isEqualTo("SUCCESS");
			assertThat(notification.get("amount")).isEqualTo("9.99");
		});
	}

	@Test
	void tamperedNotificationIsRefusedAndNeverHandled() {
		this.tokenPay.notifications().tamperNext(NotificationTamper.SIGNATURE);
		this.tokenPay.payouts().markPaid(createPayout("notified-4").transactionId());
		assertThat(this.tokenPay.notifications().await(SETTLED)).hasSize(3)
			.allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(400));
		assertThat(recorded("notified-4")).isEmpty();
	}

	@Test
	void aWalletDepositUnderAnyEventNameIsHandled() {
		SignedNotification deposit = TokenPayNotifications.forTesting(this.tokenPay.credentials())
			.walletDeposit("WALLET.RECHARGE", "TRON", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w", "USDT",
					new BigDecimal("25.5"), 6);
		SampleClients.deliver(this.client, deposit).expectStatus().isOk().expectBody(String.class).isEqualTo("success");
		assertThat(notifications())
			.filteredOn((notification) -> "WALLET.RECHARGE".equals(notification.get("eventType")))
			.singleElement()
			.satisfies((notification) -> {
				assertThat(notification.get("tradeState")).isEqualTo("SUCCESS");
				assertThat(notification.get("amount")).isEqualTo("25.5");
			});
	}

	@Test
	void badSignatureIsAPlainTextFail() {
		SignedNotification notification = TokenPayNotifications.forTesting(this.tokenPay.credentials())
			.notification("PAYPAYOUT.SUCCESS", "payout", "{\"out_trade_no\":\"notified-5\"}")
			.withHeader("TTPay-Signature", "AAAA");
		SampleClients.deliver(this.client, notification)
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("fail");
		assertThat(recorded("notified-5")).isEmpty();
	}

	@Test
	void untrustedOrUnreadableDeliveriesAreAnsweredBadRequestFailNeverServerError() {
		SignedNotification valid = TokenPayNotifications.forTesting(this.tokenPay.credentials())
			.notification("PAYPAYOUT.SUCCESS", "payout", "{\"out_trade_no\":\"notified-8\"}");
		SignedNotification otherKey = TokenPayNotifications.forTesting(MockTokenPayServer.generateCredentials())
			.appId(this.tokenPay.credentials().appId())
			.notification("PAYPAYOUT.SUCCESS", "payout", "{\"out_trade_no\":\"notified-8\"}");
		SignedNotification unknownApp = TokenPayNotifications.forTesting(MockTokenPayServer.generateCredentials())
			.notification("PAYPAYOUT.SUCCESS", "payout", "{\"out_trade_no\":\"notified-8\"}");
		List<SignedNotification> deliveries = List.of(new SignedNotification(Map.of(), valid.body()),
				valid.withHeader("TTPay-Timestamp", "yesterday"), valid.withHeader("TTPay-Nonce", "a b"), otherKey,
				unknownApp, new SignedNotification(valid.headers(), "not json".getBytes()),
				new SignedNotification(valid.headers(), new byte[0]),
				new SignedNotification(valid.headers(), new byte[70 * 1024]));
		for (SignedNotification delivery : deliveries) {
			SampleClients.deliver(this.client, delivery)
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.isEqualTo("fail");
		}
		assertThat(recorded("notified-8")).isEmpty();
	}

	@Test
	void notificationsAreListedNewestFirst() {
		this.tokenPay.payouts().markPaid(createPayout("notified-6").transactionId());
		this.tokenPay.notifications().await(SETTLED);
		this.tokenPay.payouts().markPaid(createPayout("notified-7").transactionId());
		this.tokenPay.notifications().await(SETTLED);
		List<Map<String, Object>> all = notifications();
		assertThat(all.get(0).get("outTradeNo")).isEqualTo("notified-7");
		assertThat(all.get(1).get("outTradeNo")).isEqualTo("notified-6");
	}

	private MockPayout createPayout(String outTradeNo) {
		this.client.post()
			.uri("/payouts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("amount", "12.5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
					outTradeNo, "notifyUrl", notifyUrl()))
			.exchange()
			.expectStatus()
			.isCreated();
		return this.tokenPay.payouts().get(outTradeNo);
	}

	private String notifyUrl() {
		return "http://127.0.0.1:" + this.port + "/tokenpay/notifications";
	}

	private List<Map<String, Object>> recorded(String outTradeNo) {
		return notifications().stream()
			.filter((notification) -> outTradeNo.equals(notification.get("outTradeNo")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> notifications() {
		return this.client.get()
			.uri("/notifications")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

}
