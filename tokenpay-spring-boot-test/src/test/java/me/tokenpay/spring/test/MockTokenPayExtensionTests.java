package me.tokenpay.spring.test;

import me.tokenpay.spring.client.error.TokenPayApiException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MockTokenPayExtension} registered on a static field.
 *
 * @author TokenPay Spring Boot team
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockTokenPayExtensionTests {

	@RegisterExtension
	static final MockTokenPayExtension tokenPay = new MockTokenPayExtension();

	private static String firstBaseUrl;

	@Test
	@Order(1)
	void serverIsRunningAndCanBeSetUp() {
		MockTokenPayServer server = tokenPay.server();
		firstBaseUrl = server.baseUrl();
		server.payouts().seed("seeded", PayoutState.PENDING);
		server.enqueue(Fault.gatewayCode(11000)).enqueue(Fault.gatewayCode(11000));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> TokenPayTemplates.template(server).cancelPayout("seeded"));
		assertThat(server.requests()).hasSize(1);
		assertThat(server.payouts().state("seeded")).isEqualTo(PayoutState.PENDING);
	}

	@Test
	@Order(2)
	void serverIsResetBeforeEachTest() {
		MockTokenPayServer server = tokenPay.server();
		assertThat(server.baseUrl()).isEqualTo(firstBaseUrl);
		assertThat(server.requests()).isEmpty();
		assertThat(server.payouts().state("seeded")).isNull();
		server.payouts().seed("seeded", PayoutState.PENDING);
		assertThat(TokenPayTemplates.template(server).cancelPayout("seeded").code()).isZero();
	}

	@Test
	@Order(3)
	void serverIsParameter(MockTokenPayServer server) {
		assertThat(server).isSameAs(tokenPay.server());
	}

	@Test
	void serverOfExtensionOutsideTestClassFails() {
		assertThatIllegalStateException().isThrownBy(() -> new MockTokenPayExtension().server())
			.withMessageContaining("only while the test class runs");
	}

}
