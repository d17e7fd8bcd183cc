package me.tokenpay.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with its {@code merchants} profile: {@code eu} shares the default merchant's
 * gateway and app id, {@code asia} has its own gateway; every endpoint takes
 * {@code ?merchant=}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "TOKENPAY_EU_APP_ID=${tokenpay.app-id}", "TOKENPAY_EU_MCH_ID=${tokenpay.mch-id}",
				"TOKENPAY_EU_APP_SECRET=${tokenpay.app-secret}" })
@ActiveProfiles("merchants")
@AutoConfigureMockTokenPay
class MerchantsSampleTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final MockTokenPayServer asia = MockTokenPayServer.start();

	@Autowired
	MockTokenPayServer tokenPay;

	@LocalServerPort
	int port;

	RestTestClient client;

	@DynamicPropertySource
	static void asiaMerchant(DynamicPropertyRegistry registry) {
		registry.add("TOKENPAY_ASIA_APP_ID", () -> asia.credentials().appId());
		registry.add("TOKENPAY_ASIA_MCH_ID", () -> asia.credentials().mchId());
		registry.add("TOKENPAY_ASIA_APP_SECRET", () -> asia.credentials().appSecret());
		registry.add("tokenpay.merchants.asia.base-url", asia::baseUrl);
	}

	@AfterAll
	static void stopAsia() {
		asia.close();
	}

	@BeforeEach
	void setUp() {
		asia.reset();
		this.client = SampleClients.to(this.port);
	}

	@Test
	void balanceOfAsiaComesFromItsOwnGateway() {
		asia.balances().seed("TRON", "USDT", new BigDecimal("77"));
		this.client.get()
			.uri("/balance?chain=TRON&currency=USDT&merchant=asia")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.balance")
			.value(String.class, (balance) -> assertThat(new BigDecimal(balance)).isEqualByComparingTo("77"));
		assertThat(asia.requests()).hasSize(1);
		assertThat(asia.lastRequest().header("Authorization")).contains("app_id=" + asia.credentials().appId());
		assertThat(this.tokenPay.requests()).isEmpty();
	}

	@Test
	void payoutOfEuGoesToTheDefaultGatewayAndPayInOfAsiaToItsOwn() {
		this.client.post()
			.uri("/payouts?merchant=eu")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("amount", "1", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
					"eu-1"))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(this.tokenPay.payouts().get("eu-1")).isNotNull();
		this.client.post()
			.uri("/pay-ins?merchant=asia")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("amount", "2", "chain", "TRON", "currency", "USDT", "outTradeNo", "asia-1"))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(asia.payIns().get("asia-1")).isNotNull();
		assertThat(this.tokenPay.payIns().get("asia-1")).isNull();
		this.client.get().uri("/pay-ins/asia-1?merchant=asia").exchange().expectStatus().isOk();
		this.client.get().uri("/pay-ins/asia-1").exchange().expectStatus().isNotFound();
	}

	@Test
	void unknownMerchantIsABadRequestNamingIt() {
		for (String uri : new String[] { "/currencies?merchant=mars", "/notifications?merchant=mars",
				"/balance?chain=TRON&currency=USDT&merchant=mars", "/payouts/order-1?merchant=mars",
				"/pay-ins/cart-1?merchant=mars" }) {
			this.client.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.field")
				.isEqualTo("merchant")
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).contains("mars"));
		}
		this.client.post().uri("/payouts/0123/cancel?merchant=mars").exchange().expectStatus().isBadRequest();
		assertThat(this.tokenPay.requests()).isEmpty();
		assertThat(asia.requests()).isEmpty();
	}

	@Test
	void currenciesOfAsiaComeFromItsOwnGateway() {
		asia.balances().seedCurrency("TRON", "ASIA", 2);
		this.client.get()
			.uri("/currencies?merchant=asia")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.currency == 'ASIA')].decimal")
			.isEqualTo(List.of(2));
		assertThat(asia.requests()).extracting(MockTokenPayRequest::path).containsExactly("/v1/currency/index");
	}

}
