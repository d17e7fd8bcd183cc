package me.tokenpay.spring.client.payin;

import java.time.Duration;
import java.util.Set;

import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;

import org.springframework.util.Assert;

/**
 * How pay-in orders are called, where TokenPay's documents disagree, and how an unknown
 * create outcome is resolved.
 *
 * @param createPath the path of Create Pay-in order
 * @param amountFormat how the create sends its amount
 * @param queryPath the path of the pay-in query
 * @param queryMethod the HTTP method of the pay-in query
 * @param queryIdLocation where the pay-in query sends its ids; {@code GET} needs
 * {@link ParameterLocation#QUERY}
 * @param closePath the path of Close Pay-in order
 * @param notClosableCodes gateway codes meaning an order is no longer open: a close
 * refused with one of them queries the order, and is success when it is closed
 * @param resolveAttempts how many queries try to find an order whose create had an
 * unknown outcome
 * @param resolveDelay the wait before the first of those queries, doubled before each
 * next one
 * @author TokenPay Spring Boot team
 */
public record PayInSettings(String createPath, PayInAmountFormat amountFormat, String queryPath,
		QueryMethod queryMethod, ParameterLocation queryIdLocation, String closePath, Set<Integer> notClosableCodes,
		int resolveAttempts, Duration resolveDelay) {

	/**
	 * Path of Create Pay-in order in TokenPay's pages.
	 */
	public static final String DEFAULT_CREATE_PATH = "/v1/transaction/prepayment";

	/**
	 * Path of the pay-in query in TokenPay's pages.
	 */
	public static final String DEFAULT_QUERY_PATH = "/v1/transaction/query";

	/**
	 * Path of Close Pay-in order in TokenPay's pages.
	 */
	public static final String DEFAULT_CLOSE_PATH = "/v1/transaction/close";

	/**
	 * Check the settings.
	 * @param createPath the path of Create Pay-in order
	 * @param amountFormat how the create sends its amount
	 * @param queryPath the path of the pay-in query
	 * @param queryMethod the HTTP method of the pay-in query
	 * @param queryIdLocation where the pay-in query sends its ids
	 * @param closePath the path of Close Pay-in order
	 * @param notClosableCodes the codes meaning an order is no longer open
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @param resolveDelay the wait before the first of those queries
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public PayInSettings {
		Assert.notNull(amountFormat, "Amount format must not be null");
		Assert.notNull(queryMethod, "Query method must not be null");
		Assert.isTrue(queryMethod == QueryMethod.POST || queryIdLocation == ParameterLocation.QUERY,
				"A GET query must send its ids in the query string");
		Assert.isTrue(resolveAttempts >= 0, "Resolve attempts must not be negative");
		Assert.isTrue(!resolveDelay.isNegative(), "Resolve delay must not be negative");
		notClosableCodes = Set.copyOf(notClosableCodes);
	}

	/**
	 * Return the defaults: TokenPay's documented paths, the amount as a JSON number in
	 * major units, a signed {@code POST} query with the ids in the query string as
	 * TokenPay's field table says, 20005 as the not-closable code, and 3 resolving
	 * queries after 500 ms, 1 s and 2 s.
	 * @return the default settings
	 */
	public static PayInSettings defaults() {
		return new PayInSettings(DEFAULT_CREATE_PATH, PayInAmountFormat.NUMBER, DEFAULT_QUERY_PATH, QueryMethod.POST,
				ParameterLocation.QUERY, DEFAULT_CLOSE_PATH, Set.of(20005), 3, Duration.ofMillis(500));
	}

	/**
	 * Return a copy with another {@code createPath}.
	 * @param createPath the path of Create Pay-in order
	 * @return the copy
	 */
	public PayInSettings withCreatePath(String createPath) {
		return new PayInSettings(createPath, this.amountFormat, this.queryPath, this.queryMethod, this.queryIdLocation,
				this.closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code amountFormat}.
	 * @param amountFormat how the amount is sent
	 * @return the copy
	 */
	public PayInSettings withAmountFormat(PayInAmountFormat amountFormat) {
		return new PayInSettings(this.createPath, amountFormat, this.queryPath, this.queryMethod, this.queryIdLocation,
				this.closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code queryPath}.
	 * @param queryPath the path of the pay-in query
	 * @return the copy
	 */
	public PayInSettings withQueryPath(String queryPath) {
		return new PayInSettings(this.createPath, this.amountFormat, queryPath, this.queryMethod, this.queryIdLocation,
				this.closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code queryMethod}.
	 * @param queryMethod the method of the pay-in query
	 * @return the copy
	 */
	public PayInSettings withQueryMethod(QueryMethod queryMethod) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, queryMethod, this.queryIdLocation,
				this.closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code queryIdLocation}.
	 * @param queryIdLocation where the pay-in query sends its id
	 * @return the copy
	 */
	public PayInSettings withQueryIdLocation(ParameterLocation queryIdLocation) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, this.queryMethod, queryIdLocation,
				this.closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code closePath}.
	 * @param closePath the path of Close Pay-in order
	 * @return the copy
	 */
	public PayInSettings withClosePath(String closePath) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, this.queryMethod,
				this.queryIdLocation, closePath, this.notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code notClosableCodes}.
	 * @param notClosableCodes the codes meaning an order is no longer open
	 * @return the copy
	 */
	public PayInSettings withNotClosableCodes(Set<Integer> notClosableCodes) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, this.queryMethod,
				this.queryIdLocation, this.closePath, notClosableCodes, this.resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveAttempts}.
	 * @param resolveAttempts the queries resolving an unknown create outcome
	 * @return the copy
	 */
	public PayInSettings withResolveAttempts(int resolveAttempts) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, this.queryMethod,
				this.queryIdLocation, this.closePath, this.notClosableCodes, resolveAttempts, this.resolveDelay);
	}

	/**
	 * Return a copy with another {@code resolveDelay}.
	 * @param resolveDelay the wait before the first of those queries
	 * @return the copy
	 */
	public PayInSettings withResolveDelay(Duration resolveDelay) {
		return new PayInSettings(this.createPath, this.amountFormat, this.queryPath, this.queryMethod,
				this.queryIdLocation, this.closePath, this.notClosableCodes, this.resolveAttempts, resolveDelay);
	}

}
