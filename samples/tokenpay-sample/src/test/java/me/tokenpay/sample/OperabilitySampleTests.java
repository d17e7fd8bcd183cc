package me.tokenpay.sample;

import me.tokenpay.spring.autoconfigure.TokenPayVerifications;
import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockAnswer;
import me.tokenpay.spring.test.MockTokenPayServer;
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
 * The sample's {@code /actuator/health} and {@code /actuator/tokenpay}, as the README
 * shows them, against the embedded {@link MockTokenPayServer}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockTokenPay
class OperabilitySampleTests {

	@Autowired
	MockTokenPayServer tokenPay;

	@Autowired
	TokenPayVerifications verifications;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = SampleClients.to(this.port);
	}

	@Test
	void healthHasAVerifiedComponentPerMerchant() {
		this.verifications.verify("default");
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.tokenpay.status")
			.isEqualTo("UP")
			.jsonPath("$.components.tokenpay.components.default.status")
			.isEqualTo("UP")
			.jsonPath("$.components.tokenpay.components.default.details.verdict")
			.isEqualTo("OK");
	}

	@Test
	void aWrongSecretTurnsTheHealthDownNamingTheProperty() {
		this.tokenPay.handle("query-payout", (call) -> MockAnswer.rejection(103, "Invalid signature"));
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.tokenpay.components.default.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.tokenpay.components.default.details.property")
			.isEqualTo("tokenpay.app-secret");
	}

	@Test
	void theTokenPayEndpointDescribesMerchantsRateLimitAndNotifications() {
		this.client.post()
			.uri("/payouts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\":\"1.5\",\"chain\":\"TRON\",\"currency\":\"USDT\","
					+ "\"toAddress\":\"TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w\",\"outTradeNo\":\"ops-1\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.get()
			.uri("/actuator/tokenpay")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.merchants[0].name")
			.isEqualTo("default")
			.jsonPath("$.merchants[0].appId")
			.isEqualTo(this.tokenPay.credentials().appId())
			.jsonPath("$.rateLimit.settings.store")
			.isEqualTo("local")
			.jsonPath("$.rateLimit.settings.permits")
			.isEqualTo(5)
			.jsonPath("$.rateLimit.permits.granted")
			.exists()
			.jsonPath("$.rateLimit.permits.refused")
			.isEqualTo(0)
			.jsonPath("$.notifications.settings.enabled")
			.isEqualTo(true)
			.jsonPath("$.notifications.settings.path")
			.isEqualTo("/tokenpay/notifications")
			.jsonPath("$.journal.stuckAfter")
			.isEqualTo("PT15M")
			.jsonPath("$.journal.backlog")
			.isArray();
		SignedNotification refused = TokenPayNotifications.forTesting(this.tokenPay.credentials())
			.notification("PAYPAYOUT.SUCCESS", "payout", "{\"out_trade_no\":\"ops-1\"}")
			.withHeader("TTPay-Signature", "AAAA");
		SampleClients.deliver(this.client, refused).expectStatus().isBadRequest();
		this.client.get()
			.uri("/actuator/tokenpay")
			.exchange()
			.expectBody()
			.jsonPath("$.notifications.deliveries.bad-signature")
			.isEqualTo(1);
		String body = this.client.get()
			.uri("/actuator/tokenpay")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain(this.tokenPay.credentials().appSecret());
	}

}
