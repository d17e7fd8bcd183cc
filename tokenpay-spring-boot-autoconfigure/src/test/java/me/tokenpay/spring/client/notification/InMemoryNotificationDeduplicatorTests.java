package me.tokenpay.spring.client.notification;

import java.time.Duration;
import java.time.Instant;

import me.tokenpay.spring.client.MovableClock;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryNotificationDeduplicator}.
 *
 * @author TokenPay Spring Boot team
 */
class InMemoryNotificationDeduplicatorTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T00:00:00Z"));

	private final InMemoryNotificationDeduplicator deduplicator = new InMemoryNotificationDeduplicator(3, this.clock);

	@Test
	void claimThenCompleteMakesLaterClaimsDone() {
		assertThat(this.deduplicator.claim("k", "a", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
		assertThat(this.deduplicator.claim("k", "b", Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
		this.deduplicator.complete("k", "a", Duration.ofHours(24));
		assertThat(this.deduplicator.claim("k", "b", Duration.ofMinutes(2))).isEqualTo(Claim.DONE);
	}

	@Test
	void completedKeyIsForgottenAfterItsRetention() {
		this.deduplicator.claim("k", "a", Duration.ofMinutes(2));
		this.deduplicator.complete("k", "a", Duration.ofHours(24));
		this.clock.move(Duration.ofHours(24));
		assertThat(this.deduplicator.claim("k", "b", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void claimOfADeadDeliveryEndsWithItsLease() {
		this.deduplicator.claim("k", "a", Duration.ofMinutes(2));
		this.clock.move(Duration.ofMinutes(3));
		assertThat(this.deduplicator.claim("k", "b", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void releaseOnlyGivesUpTheOwnersClaim() {
		this.deduplicator.claim("k", "a", Duration.ofMinutes(2));
		this.deduplicator.release("k", "b");
		assertThat(this.deduplicator.claim("k", "c", Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
		this.deduplicator.release("k", "a");
		assertThat(this.deduplicator.claim("k", "c", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void keepsAtMostItsBoundForgettingTheOldestFirst() {
		for (String key : new String[] { "k1", "k2", "k3", "k4" }) {
			this.deduplicator.claim(key, "a", Duration.ofMinutes(2));
			this.deduplicator.complete(key, "a", Duration.ofHours(24));
		}
		assertThat(this.deduplicator.size()).isEqualTo(3);
		assertThat(this.deduplicator.claim("k4", "b", Duration.ofMinutes(2))).isEqualTo(Claim.DONE);
		assertThat(this.deduplicator.claim("k1", "b", Duration.ofMinutes(2))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void expiredEntriesAreDroppedAsNewOnesArrive() {
		this.deduplicator.claim("old", "a", Duration.ofMinutes(1));
		this.clock.move(Duration.ofMinutes(5));
		this.deduplicator.claim("new", "a", Duration.ofMinutes(1));
		assertThat(this.deduplicator.size()).isEqualTo(1);
	}

}
