package me.tokenpay.spring.test;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AutoConfigureMockTokenPay @AutoConfigureMockTokenPay} with several
 * merchants configured: the server accepts each with credentials of its own, whatever the
 * application's configuration holds for them, and signs each one's answers with its
 * secret.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(classes = AutoConfigureMockTokenPayMerchantsTests.TestApplication.class, properties = {
		"tokenpay.merchants.eu.app-id=${EU_APP_ID}", "tokenpay.merchants.eu.mch-id=${EU_MCH_ID}",
		"tokenpay.merchants.eu.app-secret=${EU_APP_SECRET}", "tokenpay.merchants.asia.app-id=${ASIA_APP_ID}",
		"tokenpay.merchants.asia.mch-id=${ASIA_MCH_ID}", "tokenpay.merchants.asia.app-secret=${ASIA_SECRET}",
		"tokenpay.merchants.own.app-id=0123456789abcdef0123456789abcdef", "tokenpay.merchants.own.mch-id=12345678",
		"tokenpay.merchants.own.app-secret=0123456789abcdef0123456789abcdef",
		"tokenpay.merchants.own.base-url=https://gateway.example.com", "tokenpay.signature.response-mode=required" })
@AutoConfigureMockTokenPay
class AutoConfigureMockTokenPayMerchantsTests {

	@Autowired
	private MockTokenPayServer server;

	@Autowired
	private TokenPayMerchants merchants;

	@Test
	void everyConfiguredMerchantIsServedWithItsOwnCredentials() {
		assertThat(this.merchants.names()).contains("eu", "asia", "own");
		assertThatIllegalArgumentException().as("a merchant with its own gateway keeps it")
			.isThrownBy(() -> this.server.credentials("own"));
		assertThat(this.server.credentials("eu").appId()).isNotEqualTo(this.server.credentials("asia").appId());
		for (String merchant : new String[] { "eu", "asia" }) {
			String payoutId = this.server.payouts().seedOpen();
			assertThat(this.merchants.get(merchant).cancelPayout(payoutId).code()).isZero();
			assertThat(this.server.lastRequest().header("Authorization"))
				.contains("app_id=" + this.server.credentials(merchant).appId() + ",");
			assertThat(this.merchants.get(merchant).balance(Chain.TRON, "USDT").balance())
				.isGreaterThan(BigDecimal.ZERO);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
