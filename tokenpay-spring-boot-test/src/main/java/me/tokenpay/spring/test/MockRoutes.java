package me.tokenpay.spring.test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The route table of {@link MockTokenPayServer}: which path each operation answers on,
 * and with which methods. Paths can be changed, as TokenPay's documents disagree on them.
 *
 * @author TokenPay Spring Boot team
 */
final class MockRoutes {

	static final String CREATE_PAYOUT = "create-payout";

	static final String QUERY_PAYOUT = "query-payout";

	static final String CANCEL_PAYOUT = "cancel-payout";

	static final String CREATE_PAY_IN = "create-pay-in";

	static final String QUERY_PAY_IN = "query-pay-in";

	static final String CLOSE_PAY_IN = "close-pay-in";

	static final String LIST_CURRENCIES = "list-currencies";

	static final String GET_BALANCE = "get-balance";

	private static final Map<String, String> DEFAULT_PATHS = Map.of(CREATE_PAYOUT, "/v1/payanother/payment",
			QUERY_PAYOUT, "/v1/payanother/query", CANCEL_PAYOUT, "/v1/payanother/close", CREATE_PAY_IN,
			"/v1/transaction/prepayment", QUERY_PAY_IN, "/v1/transaction/query", CLOSE_PAY_IN, "/v1/transaction/close",
			LIST_CURRENCIES, "/v1/currency/index", GET_BALANCE, "/v1/merchant/balance");

	private static final Set<String> POST = Set.of("POST");

	private static final Set<String> POST_OR_GET = Set.of("POST", "GET");

	private static final Map<String, Set<String>> METHODS = Map.of(CREATE_PAYOUT, POST, QUERY_PAYOUT, POST_OR_GET,
			CANCEL_PAYOUT, POST, CREATE_PAY_IN, POST, QUERY_PAY_IN, POST_OR_GET, CLOSE_PAY_IN, POST, LIST_CURRENCIES,
			Set.of("GET"), GET_BALANCE, POST_OR_GET);

	private static final Set<String> UNSIGNED = Set.of(LIST_CURRENCIES);

	private final Map<String, String> paths = new ConcurrentHashMap<>(DEFAULT_PATHS);

	void path(String operation, String path) {
		checkKnown(operation);
		Assert.isTrue(path.startsWith("/"), "Path must start with '/'");
		this.paths.put(operation, path);
	}

	/**
	 * Check that the server knows an operation.
	 * @param operation the operation name
	 * @throws IllegalArgumentException if it does not
	 */
	void checkKnown(String operation) {
		Assert.isTrue(DEFAULT_PATHS.containsKey(operation), () -> "Unknown operation '" + operation
				+ "'; the mock TokenPay server knows " + new TreeSet<>(DEFAULT_PATHS.keySet()));
	}

	/**
	 * Return the operation answering on a path.
	 * @param path the request path, without query
	 * @return the operation or {@code null}
	 */
	@Nullable String operation(String path) {
		for (Map.Entry<String, String> route : this.paths.entrySet()) {
			if (route.getValue().equals(path)) {
				return route.getKey();
			}
		}
		return null;
	}

	boolean allows(String operation, String method) {
		return METHODS.getOrDefault(operation, Set.of()).contains(method);
	}

	/**
	 * Return whether requests of an operation must carry a signed {@code Authorization}
	 * header.
	 * @param operation the operation name
	 * @return {@code false} for the currency list
	 */
	boolean signed(String operation) {
		return !UNSIGNED.contains(operation);
	}

	void reset() {
		this.paths.clear();
		this.paths.putAll(DEFAULT_PATHS);
	}

}
