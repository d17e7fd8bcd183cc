package me.tokenpay.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The route table of {@link MockTokenPayServer}: which path each operation answers on,
 * with which methods, and whether it must be signed. Paths can be changed, as TokenPay's
 * documents disagree on them, and operations added.
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

	static final String ADD_WALLET = "add-wallet";

	static final String UPDATE_WALLET = "update-wallet";

	static final String DELETE_WALLET = "delete-wallet";

	static final String QUERY_WALLET = "query-wallet";

	private static final Set<String> POST = Set.of("POST");

	private static final Set<String> POST_OR_GET = Set.of("POST", "GET");

	private static final Map<String, Route> DEFAULTS = defaults();

	private final Map<String, Route> routes = new ConcurrentHashMap<>(DEFAULTS);

	private static Map<String, Route> defaults() {
		Map<String, Route> routes = new LinkedHashMap<>();
		routes.put(CREATE_PAYOUT, new Route("/v1/payanother/payment", POST, true));
		routes.put(QUERY_PAYOUT, new Route("/v1/payanother/query", POST_OR_GET, true));
		routes.put(CANCEL_PAYOUT, new Route("/v1/payanother/close", POST, true));
		routes.put(CREATE_PAY_IN, new Route("/v1/transaction/prepayment", POST, true));
		routes.put(QUERY_PAY_IN, new Route("/v1/transaction/query", POST_OR_GET, true));
		routes.put(CLOSE_PAY_IN, new Route("/v1/transaction/close", POST, true));
		routes.put(LIST_CURRENCIES, new Route("/v1/currency/index", Set.of("GET"), false));
		routes.put(GET_BALANCE, new Route("/v1/merchant/balance", POST_OR_GET, true));
		routes.put(ADD_WALLET, new Route("/v1/wallet/insert", POST, true));
		routes.put(UPDATE_WALLET, new Route("/v1/wallet/update", POST, true));
		routes.put(DELETE_WALLET, new Route("/v1/wallet/delete", POST, true));
		routes.put(QUERY_WALLET, new Route("/v1/wallet/query", POST_OR_GET, true));
		return Map.copyOf(routes);
	}

	void path(String operation, String path) {
		checkPath(path);
		Route route = known(operation);
		this.routes.put(operation, new Route(path, route.methods(), route.signed()));
	}

	/**
	 * Add an operation, or move one, answering signed {@code POST} and {@code GET}
	 * requests on a path.
	 * @param operation the operation name
	 * @param path the path
	 */
	void add(String operation, String path) {
		Assert.hasText(operation, "Operation must not be blank");
		checkPath(path);
		this.routes.put(operation, new Route(path, POST_OR_GET, true));
	}

	/**
	 * Check that the server knows an operation.
	 * @param operation the operation name
	 * @throws IllegalArgumentException if it does not
	 */
	void checkKnown(String operation) {
		known(operation);
	}

	private Route known(String operation) {
		Route route = this.routes.get(operation);
		if (route == null) {
			throw new IllegalArgumentException("Unknown operation '" + operation + "'; the mock TokenPay server knows "
					+ new TreeSet<>(this.routes.keySet()));
		}
		return route;
	}

	private static void checkPath(String path) {
		Assert.isTrue(path != null && path.startsWith("/"), "Path must start with '/'");
	}

	/**
	 * Return the operation answering on a path.
	 * @param path the request path, without query
	 * @return the operation or {@code null}
	 */
	@Nullable String operation(String path) {
		for (Map.Entry<String, Route> route : this.routes.entrySet()) {
			if (route.getValue().path().equals(path)) {
				return route.getKey();
			}
		}
		return null;
	}

	boolean allows(String operation, String method) {
		Route route = this.routes.get(operation);
		return route != null && route.methods().contains(method);
	}

	/**
	 * Return whether requests of an operation must carry a signed {@code Authorization}
	 * header.
	 * @param operation the operation name
	 * @return {@code false} for the currency list
	 */
	boolean signed(String operation) {
		Route route = this.routes.get(operation);
		return route == null || route.signed();
	}

	/**
	 * Forget added operations and changed paths.
	 */
	void reset() {
		this.routes.clear();
		this.routes.putAll(DEFAULTS);
	}

	/**
	 * Where an operation answers.
	 *
	 * @param path the path
	 * @param methods the HTTP methods it accepts
	 * @param signed whether it must be signed
	 */
	private record Route(String path, Set<String> methods, boolean signed) {

	}

}
