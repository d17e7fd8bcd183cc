package me.tokenpay.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
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

	private static final Set<String> POST_OR_GET = Set.of("POST", "GET");

	private static final Map<String, Route> DEFAULTS = defaults();

	private final Map<String, Route> routes = new ConcurrentHashMap<>(DEFAULTS);

	/**
	 * The routes of the starter's own operations, made from their declarations: each on
	 * its documented path, signed unless declared otherwise; a signed read accepts
	 * {@code POST} and {@code GET}, as the documents disagree on how queries are sent.
	 */
	private static Map<String, Route> defaults() {
		Map<String, Route> routes = new LinkedHashMap<>();
		for (OperationDescriptor<?> operation : BuiltInOperations.all()) {
			boolean signedRead = operation.signed() && operation.idempotency() == Idempotency.SAFE;
			Set<String> methods = signedRead ? POST_OR_GET : Set.of(operation.method().name());
			routes.put(operation.name(), new Route(operation.path(), methods, operation.signed()));
		}
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
