package me.tokenpay.spring.client.payout;

import java.time.Duration;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * What is specific to payouts where TokenPay's documents disagree, and how an unknown
 * create outcome is resolved. Paths and methods are the operations' own (see
 * {@link PayoutTemplate#OPERATIONS} and
 * {@link me.tokenpay.spring.client.TokenPayClientSettings#operations()}).
 *
 * @param payoutIdField the JSON field carrying the payout id in Cancel Payout
 * @param notOpenCodes gateway codes meaning a payout is no longer open; after a cancel
 * attempt whose outcome is unknown they end the call in a
 * {@link me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException}
 * @param resolveAttempts how many queries try to find a payout whose create had an
 * unknown outcome
 * @param resolveDelay the wait before the first of those queries, doubled before each
 * next one
 * @author TokenPay Spring Boot team
 */
public record PayoutSettings(String payoutIdField, Set<Integer> notOpenCodes, int resolveAttempts,
		Duration resolveDelay) {

	/**
	 * Payout id field of Cancel Payout in TokenPay's English page.
	 */
	public static final String DEFAULT_PAYOUT_ID_FIELD = "payout_id";

	/**
	 * Check the settings.
	 * @param payoutIdField the payout id field of Cancel Payout
	 * @param notOpenCodes the codes meaning a payout is no longer open
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @param resolveDelay the wait before the first of those queries
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public PayoutSettings {
		Assert.hasText(payoutIdField, "Payout id field must not be blank");
		Assert.isTrue(resolveAttempts >= 0, "Resolve attempts must not be negative");
		Assert.isTrue(!resolveDelay.isNegative(), "Resolve delay must not be negative");
		notOpenCodes = Set.copyOf(notOpenCodes);
	}

	/**
	 * Return the defaults: {@code payout_id}, 20005 as the not-open code, and 3 resolving
	 * queries after 500 ms, 1 s and 2 s.
	 * @return the default settings
	 */
	public static PayoutSettings defaults() {
		return new PayoutSettings(DEFAULT_PAYOUT_ID_FIELD, Set.of(20005), 3, Duration.ofMillis(500));
	}

	/**
	 * Return a copy with another {@code payoutIdField}.
	 * @param payoutIdField the payout id field of Cancel Payout
	 * @return the copy
	 */
	public PayoutSettings withPayoutIdField(String payoutIdField) {
		return new PayoutSettings(payoutIdField, this.notOpenCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code notOpenCodes}.
	 * @param notOpenCodes the codes meaning a payout is no longer open
	 * @return the copy
	 */
	public PayoutSettings withNotOpenCodes(Set<Integer> notOpenCodes) {
		return new PayoutSettings(this.payoutIdField, notOpenCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveAttempts}.
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @return the copy
	 */
	public PayoutSettings withResolveAttempts(int resolveAttempts) {
		return new PayoutSettings(this.payoutIdField, this.notOpenCodes, resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveDelay}.
	 * @param resolveDelay the wait before the first of those queries
	 * @return the copy
	 */
	public PayoutSettings withResolveDelay(Duration resolveDelay) {
		return new PayoutSettings(this.payoutIdField, this.notOpenCodes, this.resolveAttempts, resolveDelay);
	}

}
