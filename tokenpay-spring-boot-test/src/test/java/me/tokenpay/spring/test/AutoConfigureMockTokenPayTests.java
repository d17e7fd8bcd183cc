package me.tokenpay.spring.test;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AutoConfigureMockTokenPay @AutoConfigureMockTokenPay} with the
 * auto-configured client.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(classes = AutoConfigureMockTokenPayTests.TestApplication.class)
@AutoConfigureMockTokenPay
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureMockTokenPayTests {

	private static MockTokenPayServer firstServer;

	@Autowired
	private MockTokenPayServer server;

	@Autowired
	private TokenPayOperations tokenPay;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void autoConfiguredClientCancelsSeededPayout() {
		firstServer = this.server;
		String payoutId = this.server.payouts().seedOpen();
		assertThat(this.tokenPay).isInstanceOf(TokenPayTemplate.class);
		assertThat(this.tokenPay.cancelPayout(payoutId).code()).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
		assertThat(this.server.lastRequest().header("Authorization"))
			.startsWith("TTPAY-AES-256-ECB app_id=" + this.server.credentials().appId() + ",");
		this.server.payouts().seed("left-over", PayoutState.PENDING);
		this.server.enqueue(Fault.gatewayCode(11000));
	}

	@Test
	@Order(2)
	void serverIsResetBetweenTestMethods() {
		assertThat(this.server).isSameAs(firstServer);
		assertThat(this.server.requests()).isEmpty();
		assertThat(this.server.payouts().state("left-over")).isNull();
		String payoutId = this.server.payouts().seedOpen();
		assertThat(this.tokenPay.cancelPayout(payoutId).code()).isZero();
	}

	@Test
	@Order(3)
	void faultsReachTheAutoConfiguredClient() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.gatewayCode(11001))
			.enqueue(Fault.gatewayCode(11001))
			.enqueue(Fault.gatewayCode(11001));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> this.tokenPay.cancelPayout(payoutId))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(11001));
		assertThat(this.server.requests()).hasSize(3);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void propertiesPointAtServer() {
		assertThat(this.environment.getProperty("tokenpay.base-url")).isEqualTo(this.server.baseUrl());
		assertThat(this.environment.getProperty("tokenpay.app-id")).isEqualTo(this.server.credentials().appId());
		assertThat(this.environment.getProperty("tokenpay.mch-id")).isEqualTo(this.server.credentials().mchId());
		assertThat(this.environment.getProperty("tokenpay.app-secret"))
			.isEqualTo(this.server.credentials().appSecret());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
