package me.tokenpay.spring.resilience;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.test.MockTokenPayExtension;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client-side rate limiter of the auto-configured template against a
 * {@link MockTokenPayServer} that enforces TokenPay's 5 requests per second.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(MockTokenPayExtension.class)
class RateLimitTests {

	private final MockTokenPayServer server;

	RateLimitTests(MockTokenPayServer server) {
		this.server = server;
	}

	@Test
	void defaultLimiterKeepsSequentialCallsUnderTheGatewayLimit() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.rate-limit.enabled=true",
				"tokenpay.retry.max-attempts=1")) {
			client.template().cancelPayout(this.server.payouts().seedOpen());
			this.server.reset();
			this.server.faults().enforceRateLimit(true);
			for (int i = 0; i < 20; i++) {
				assertThat(client.template().cancelPayout(this.server.payouts().seedOpen()).code()).isZero();
			}
			assertThat(this.server.requests()).hasSize(20).extracting(MockTokenPayRequest::code).containsOnly(0);
		}
	}

	@Test
	void withoutLimiterSequentialCallsRunIntoTheGatewayLimit() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.rate-limit.enabled=false",
				"tokenpay.retry.max-attempts=1")) {
			this.server.faults().enforceRateLimit(true);
			List<Integer> codes = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				try {
					codes.add(client.template().cancelPayout(this.server.payouts().seedOpen()).code());
				}
				catch (TokenPayApiException ex) {
					codes.add(ex.getCode());
				}
			}
			assertThat(codes).contains(11001);
			assertThat(this.server.requests()).extracting(MockTokenPayRequest::code).contains(11001);
		}
	}

	@Test
	void callerBeyondMaxWaitFailsWithRateLimitExceptionAndNothingIsSent() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.rate-limit.enabled=true",
				"tokenpay.rate-limit.permits=1", "tokenpay.rate-limit.max-wait=0ms")) {
			client.template().cancelPayout(this.server.payouts().seedOpen());
			String payoutId = this.server.payouts().seedOpen();
			assertThatExceptionOfType(TokenPayRateLimitException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
			assertThat(this.server.requests()).hasSize(1);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasNumberOfObservationsWithNameEqualTo(DefaultTokenPayClientObservationConvention.NAME, 2)
				.hasAnObservationWithAKeyValue("outcome", "rate-limited");
		}
	}

}
