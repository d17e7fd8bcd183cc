package me.tokenpay.spring.resilience;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEndpointNotFoundException;
import me.tokenpay.spring.client.error.TokenPayErrorCategory;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misconfigurations that once looked like an unknown outcome: an answer that proves
 * nothing was applied ends a create at once as a definite failure naming the property to
 * fix, without follow-up queries.
 *
 * @author TokenPay Spring Boot team
 */
class MisconfigurationTests {

	private MockTokenPayServer server;

	@BeforeEach
	void start() {
		this.server = MockTokenPayServer.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aBaseUrlEndingInV1IsADefiniteFailureNamingTheProperty() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server.baseUrl() + "/v1",
				this.server.credentials())) {
			assertThatExceptionOfType(TokenPayEndpointNotFoundException.class)
				.isThrownBy(() -> client.template().payouts().create(request()))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.isRetryable()).isFalse();
					assertThat(ex.getMessage()).contains("/v1/v1/payanother/payment")
						.contains("HTTP 404")
						.contains("nothing was applied")
						.contains("tokenpay.base-url")
						.contains("tokenpay.operations.create-payout.path");
				});
			assertThat(this.server.requests()).hasSize(1);
		}
	}

	@Test
	void aWrongSecretOfTheRightLengthIsADefiniteFailureNamingTheProperty() {
		TokenPayCredentials right = this.server.credentials();
		TokenPayCredentials wrong = new TokenPayCredentials(right.appId(), right.mchId(),
				MockTokenPayServer.generateCredentials().appSecret());
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server.baseUrl(), wrong)) {
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().payouts().create(request()))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(103);
					assertThat(ex.getCategory()).isEqualTo(TokenPayErrorCategory.AUTHENTICATION);
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.getMessage()).contains("tokenpay.app-secret is probably wrong")
						.doesNotContain(wrong.appSecret())
						.doesNotContain(right.appSecret());
				});
			assertThat(this.server.requests()).hasSize(1);
			assertThat(this.server.payouts().all()).isEmpty();
		}
	}

	@Test
	void aWrongAppIdNamesTheCredentials() {
		TokenPayCredentials right = this.server.credentials();
		TokenPayCredentials wrong = new TokenPayCredentials(MockTokenPayServer.generateCredentials().appId(),
				right.mchId(), right.appSecret());
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server.baseUrl(), wrong)) {
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().payouts().create(request()))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.getMessage()).contains("tokenpay.app-id");
				});
			assertThat(this.server.payouts().all()).isEmpty();
		}
	}

	private static CreatePayoutRequest request() {
		return CreatePayoutRequest.builder(BigDecimal.TEN, Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
			.build();
	}

}
