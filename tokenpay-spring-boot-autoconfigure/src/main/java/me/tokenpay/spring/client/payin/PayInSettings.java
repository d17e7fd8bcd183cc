package me.tokenpay.spring.client.payin;

import java.time.Duration;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * What is specific to pay-in orders where TokenPay's documents disagree, and how an
 * unknown create outcome is resolved. Paths and methods are the operations' own (see
 * {@link PayInTemplate#OPERATIONS} and
 * {@link me.tokenpay.spring.client.TokenPayClientSettings#operations()}).
 *
 * @param amountFormat how the create sends its amount
 * @param notClosableCodes gateway codes meaning an order is no longer open: a close
 * refused with one of them queries the order, and is success when it is closed
 * @param resolveAttempts how many queries try to find an order whose create had an
 * unknown outcome
 * @param resolveDelay the wait before the first of those queries, doubled before each
 * next one
 * @author TokenPay Spring Boot team
 */
public record PayInSettings(PayInAmountFormat amountFormat, Set<Integer> notClosableCodes, int resolveAttempts,
		Duration resolveDelay) {

	/**
	 * Check the settings.
	 * @param amountFormat how the create sends its amount
	 * @param notClosableCodes the codes meaning an order is no longer open
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @param resolveDelay the wait before the first of those queries
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public PayInSettings {
		Assert.notNull(amountFormat, "Amount format must not be null");
		Assert.isTrue(resolveAttempts >= 0, "Resolve attempts must not be negative");
		Assert.isTrue(!resolveDelay.isNegative(), "Resolve delay must not be negative");
		notClosableCodes = Set.copyOf(notClosableCodes);
	}

	/**
	 * Return the defaults: the amount as a JSON number in major units, 20005 as the
	 * not-closable code, and 3 resolving queries after 500 ms, 1 s and 2 s.
	 * @return the default settings
	 */
	public static PayInSettings defaults() {
		return new PayInSettings(PayInAmountFormat.NUMBER, Set.of(20005), 3, Duration.ofMillis(500));
	}

	/**
	 * Return a copy with another {@code amountFormat}.
	 * @param amountFormat how the amount is sent
	 * @return the copy
	 */
	public PayInSettings withAmountFormat(PayInAmountFormat amountFormat) {
		return new PayInSettings(amountFormat, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code notClosableCodes}.
	 * @param notClosableCodes the codes meaning an order is no longer open
	 * @return the copy
	 */
	public PayInSettings withNotClosableCodes(Set<Integer> notClosableCodes) {
		return new PayInSettings(this.amountFormat, notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveAttempts}.
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @return the copy
	 */
	public PayInSettings withResolveAttempts(int resolveAttempts) {
		return new PayInSettings(this.amountFormat, this.notClosableCodes, resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveDelay}.
	 * @param resolveDelay the wait before the first of those queries
	 * @return the copy
	 */
	public PayInSettings withResolveDelay(Duration resolveDelay) {
		return new PayInSettings(this.amountFormat, this.notClosableCodes, this.resolveAttempts, resolveDelay);
	}

}
