package me.tokenpay.spring.test;

import java.util.Map;
import java.util.Set;
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

	private static final Map<String, String> DEFAULT_PATHS = Map.of(CREATE_PAYOUT, "/v1/payanother/payment",
			QUERY_PAYOUT, "/v1/payanother/query", CANCEL_PAYOUT, "/v1/payanother/close");

	private static final Map<String, Set<String>> METHODS = Map.of(CREATE_PAYOUT, Set.of("POST"), QUERY_PAYOUT,
			Set.of("POST", "GET"), CANCEL_PAYOUT, Set.of("POST"));

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
				+ "'; the mock TokenPay server knows " + DEFAULT_PATHS.keySet());
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

	void reset() {
		this.paths.clear();
		this.paths.putAll(DEFAULT_PATHS);
	}

}
