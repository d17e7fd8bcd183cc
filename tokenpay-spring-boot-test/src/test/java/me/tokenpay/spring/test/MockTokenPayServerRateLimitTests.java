package me.tokenpay.spring.test;

import java.time.Duration;
import java.time.Instant;

import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayErrorCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the rate limit of {@link MockTokenPayServer}, on a clock that only moves when
 * told.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerRateLimitTests {

	private final MutableClock clock = new MutableClock(Instant.now());

	private MockTokenPayServer server;

	private TokenPayTemplate template;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start().clock(this.clock);
		this.template = TokenPayTemplates.template(this.server);
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void sixthRequestWithinOneSecondIsRateLimited() {
		this.server.faults().enforceRateLimit(true);
		cancelAllowedNumberOfPayouts();
		String limited = this.server.payouts().seedOpen();
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> this.template.cancelPayout(limited))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(11001);
				assertThat(ex.getCategory()).isEqualTo(TokenPayErrorCategory.RETRYABLE);
			});
		assertThat(this.server.payouts().state(limited)).isEqualTo(PayoutState.PENDING);
		assertThat(this.server.lastRequest().code()).isEqualTo(11001);
	}

	@Test
	void requestsSucceedAgainOnceOneSecondHasPassed() {
		this.server.faults().enforceRateLimit(true);
		cancelAllowedNumberOfPayouts();
		String payoutId = this.server.payouts().seedOpen();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(codeOfCancel(payoutId)).isEqualTo(11001);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(codeOfCancel(payoutId)).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void rejectedRequestsDoNotCountAgainstTheLimit() {
		this.server.faults().enforceRateLimit(true);
		cancelAllowedNumberOfPayouts();
		for (int i = 0; i < 3; i++) {
			assertThat(codeOfCancel(this.server.payouts().seedOpen())).isEqualTo(11001);
		}
		this.clock.advance(Duration.ofSeconds(1));
		cancelAllowedNumberOfPayouts();
	}

	@Test
	void requestsAreNotLimitedByDefault() {
		for (int i = 0; i < 3 * MockTokenPayServer.RATE_LIMIT_PER_SECOND; i++) {
			assertThat(codeOfCancel(this.server.payouts().seedOpen())).isZero();
		}
	}

	@Test
	void limitCanBeLiftedAgain() {
		this.server.faults().enforceRateLimit(true);
		cancelAllowedNumberOfPayouts();
		this.server.faults().enforceRateLimit(false);
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isZero();
	}

	private void cancelAllowedNumberOfPayouts() {
		for (int i = 0; i < MockTokenPayServer.RATE_LIMIT_PER_SECOND; i++) {
			assertThat(codeOfCancel(this.server.payouts().seedOpen())).as("request %d", i + 1).isZero();
		}
	}

	private int codeOfCancel(String payoutId) {
		try {
			return this.template.cancelPayout(payoutId).code();
		}
		catch (TokenPayApiException ex) {
			return ex.getCode();
		}
	}

}
