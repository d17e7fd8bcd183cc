package me.tokenpay.spring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.observation.TokenPayClientObservationContext;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationContext;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TokenPayActivity}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayActivityTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private final AtomicLong ticker = new AtomicLong();

	private final TokenPayActivity activity = new TokenPayActivity(this.ticker::get, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void permitsAreCountedAsGrantedWaitedForAndRefused() {
		TokenPayRateLimiter limiter = this.activity.measured(new TokenPayRateLimiter() {

			private int calls;

			@Override
			public Permit acquire(String appId, Duration maxWait) {
				this.calls++;
				if (this.calls == 2) {
					TokenPayActivityTests.this.ticker.addAndGet(Duration.ofMillis(30).toNanos());
				}
				if (this.calls == 3) {
					throw new TokenPayRateLimitException(5, Duration.ofSeconds(1), maxWait);
				}
				TokenPayActivityTests.this.ticker.addAndGet(TokenPayActivity.WAIT_THRESHOLD.toNanos() - 1);
				return () -> {
				};
			}

			@Override
			public Duration getMaxWait() {
				return Duration.ofSeconds(2);
			}

		});
		limiter.acquire("app").release();
		limiter.acquire("app").release();
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire("app"));
		TokenPayActivity.Permits permits = this.activity.permits();
		assertThat(permits.granted()).isEqualTo(2);
		assertThat(permits.waited()).isOne();
		assertThat(permits.refused()).isOne();
		assertThat(permits.longestWait()).isEqualTo(Duration.ofMillis(31).minusNanos(1));
		assertThat(permits.lastRefusal()).isEqualTo(NOW);
		assertThat(limiter.getMaxWait()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void notificationDeliveriesAreCountedByOutcome() {
		for (String outcome : new String[] { "success", "duplicate", "success", null }) {
			TokenPayNotificationObservationContext context = new TokenPayNotificationObservationContext();
			context.setOutcome(outcome);
			assertThat(this.activity.supportsContext(context)).isTrue();
			this.activity.onStop(context);
		}
		assertThat(this.activity.notifications()).containsExactly(entry("duplicate", 1L), entry("success", 2L),
				entry("unknown", 1L));
		assertThat(this.activity.supportsContext(new TokenPayClientObservationContext("create-payout", "app", null)))
			.isFalse();
	}

	private static Map.Entry<String, Long> entry(String key, Long value) {
		return Map.entry(key, value);
	}

}
