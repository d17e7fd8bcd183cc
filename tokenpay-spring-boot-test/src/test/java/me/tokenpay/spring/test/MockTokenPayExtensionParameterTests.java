package me.tokenpay.spring.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MockTokenPayExtension} registered with {@link ExtendWith} and reached
 * through parameters.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(MockTokenPayExtension.class)
class MockTokenPayExtensionParameterTests {

	private final MockTokenPayServer constructorServer;

	MockTokenPayExtensionParameterTests(MockTokenPayServer server) {
		this.constructorServer = server;
	}

	@Test
	void serverIsInjectedIntoConstructorAndMethods(MockTokenPayServer server) {
		assertThat(server).isSameAs(this.constructorServer);
	}

	@Test
	void injectedServerAnswers(MockTokenPayServer server) {
		assertThat(server.requests()).isEmpty();
		String payoutId = server.payouts().seedOpen();
		assertThat(TokenPayTemplates.template(server).cancelPayout(payoutId).code()).isZero();
		assertThat(server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

}
