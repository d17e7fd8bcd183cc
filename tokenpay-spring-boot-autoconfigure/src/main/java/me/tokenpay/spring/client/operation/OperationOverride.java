package me.tokenpay.spring.client.operation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * What a configuration changes in an {@link OperationDescriptor} it does not own, where
 * TokenPay's documents disagree: the path, and for a safe read the HTTP method and where
 * its parameters go. Each part left {@code null} keeps the declared value.
 *
 * @param path the path relative to the base URL, or {@code null}
 * @param method the HTTP method, or {@code null}; {@link QueryMethod#GET} sends the
 * parameters in the query string
 * @param parameterLocation where the parameters go, or {@code null} for the declared
 * place ({@link ParameterLocation#QUERY} for {@code GET})
 * @author TokenPay Spring Boot team
 */
public record OperationOverride(@Nullable String path, @Nullable QueryMethod method,
		@Nullable ParameterLocation parameterLocation) {

	/**
	 * Check the override.
	 * @param path the path
	 * @param method the HTTP method
	 * @param parameterLocation where the parameters go
	 * @throws IllegalArgumentException if the path is not a plain path, or a {@code GET}
	 * would send a body
	 */
	public OperationOverride {
		Assert.isTrue(path == null || isPlainPath(path),
				"Path must start with '/' and have no query, fragment, spaces or control characters");
		Assert.isTrue(method != QueryMethod.GET || parameterLocation != ParameterLocation.BODY,
				"A GET operation must send its parameters in the query string");
	}

	/**
	 * Return an override of the path alone.
	 * @param path the path relative to the base URL
	 * @return the override
	 */
	public static OperationOverride path(String path) {
		return new OperationOverride(path, null, null);
	}

	/**
	 * Return the operation as this override changes it.
	 * @param <T> the result type
	 * @param operation the declared operation
	 * @return the changed operation, or the same one when nothing changes
	 * @throws IllegalArgumentException if the override changes the method of an operation
	 * that is not {@link Idempotency#SAFE safe}
	 */
	public <T> OperationDescriptor<T> applyTo(OperationDescriptor<T> operation) {
		OperationDescriptor<T> changed = (this.path != null) ? operation.withPath(this.path) : operation;
		if (this.method == null && this.parameterLocation == null) {
			return changed;
		}
		HttpMethod httpMethod = (this.method != null) ? this.method.httpMethod() : operation.method();
		Assert.isTrue(httpMethod.equals(operation.method()) || operation.idempotency() == Idempotency.SAFE,
				() -> "Only the method of a safe operation can be changed, and " + operation.name() + " is "
						+ operation.idempotency().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		ParameterLocation location = this.parameterLocation;
		QueryMethod method = this.method;
		if (location == null) {
			location = (method == null || httpMethod.equals(operation.method())) ? operation.parameterLocation()
					: method.parameterLocation();
		}
		return changed.withRequestShape(httpMethod, location);
	}

	private static boolean isPlainPath(String path) {
		return path.startsWith("/") && path.indexOf('?') < 0 && path.indexOf('#') < 0
				&& path.chars().noneMatch((c) -> c <= ' ' || c >= 0x7f);
	}

}
