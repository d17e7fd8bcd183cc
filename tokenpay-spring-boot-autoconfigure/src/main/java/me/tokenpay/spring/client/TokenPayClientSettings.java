package me.tokenpay.spring.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationOverride;

import org.springframework.util.Assert;

/**
 * How a {@link TokenPayTemplate} talks to the gateway, apart from credentials, HTTP
 * client settings and the settings of each resource.
 *
 * @param baseUrl the gateway's base URL; a path in it is part of every signed URL
 * @param maxResponseSize the largest answer body accepted, in bytes
 * @param userAgent the {@code User-Agent} header sent with every call
 * @param operations what to change in operations, by operation name, where TokenPay's
 * documents disagree with the declared paths and methods
 * @author TokenPay Spring Boot team
 */
public record TokenPayClientSettings(URI baseUrl, long maxResponseSize, String userAgent,
		Map<String, OperationOverride> operations) {

	/**
	 * The production gateway.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.tokenpay.me");

	/**
	 * Default limit on answer bodies, 1 MiB.
	 */
	public static final long DEFAULT_MAX_RESPONSE_SIZE = 1024 * 1024;

	/**
	 * The largest total size of an answer's headers, in bytes: a larger answer is a
	 * {@link me.tokenpay.spring.client.error.TokenPayResponseHeadersTooLargeException}.
	 */
	public static final int MAX_RESPONSE_HEADER_SIZE = 64 * 1024;

	/**
	 * Check the settings.
	 * @param baseUrl the gateway's base URL
	 * @param maxResponseSize the largest answer body accepted
	 * @param userAgent the {@code User-Agent} header
	 * @param operations the overrides of operations, by operation name
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public TokenPayClientSettings {
		Assert.notNull(baseUrl, "Base URL must not be null");
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null, "Base URL must be absolute with a host");
		Assert.isTrue(baseUrl.getRawQuery() == null && baseUrl.getRawFragment() == null,
				"Base URL must not have a query or fragment");
		Assert.isTrue(maxResponseSize > 0, "Max response size must be positive");
		Assert.hasText(userAgent, "User agent must not be blank");
		operations = Map.copyOf(operations);
	}

	/**
	 * Create settings that call every operation as declared.
	 * @param baseUrl the gateway's base URL
	 * @param maxResponseSize the largest answer body accepted
	 * @param userAgent the {@code User-Agent} header
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public TokenPayClientSettings(URI baseUrl, long maxResponseSize, String userAgent) {
		this(baseUrl, maxResponseSize, userAgent, Map.of());
	}

	/**
	 * Return the defaults for a base URL.
	 * @param baseUrl the gateway's base URL
	 * @return settings with the documented defaults
	 */
	public static TokenPayClientSettings defaults(URI baseUrl) {
		return new TokenPayClientSettings(baseUrl, DEFAULT_MAX_RESPONSE_SIZE, TokenPayVersion.userAgent());
	}

	/**
	 * Return the URL path that is signed for a path relative to the base URL.
	 * @param path a path relative to the base URL
	 * @return the base URL's path followed by the path
	 */
	public String signedPath(String path) {
		String basePath = this.baseUrl.getRawPath();
		if (basePath == null || basePath.isEmpty()) {
			return path;
		}
		return (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + path;
	}

	/**
	 * Return an operation as these settings call it: its declaration with the override of
	 * its name, if any.
	 * @param <T> the result type
	 * @param operation the declared operation
	 * @return the operation to call
	 */
	public <T> OperationDescriptor<T> operation(OperationDescriptor<T> operation) {
		OperationOverride override = this.operations.get(operation.name());
		return (override != null) ? override.applyTo(operation) : operation;
	}

	/**
	 * Return a copy with another {@code baseUrl}.
	 * @param baseUrl the base URL
	 * @return the copy
	 */
	public TokenPayClientSettings withBaseUrl(URI baseUrl) {
		return new TokenPayClientSettings(baseUrl, this.maxResponseSize, this.userAgent, this.operations);
	}

	/**
	 * Return a copy with another {@code maxResponseSize}.
	 * @param maxResponseSize the largest answer read, in bytes
	 * @return the copy
	 */
	public TokenPayClientSettings withMaxResponseSize(long maxResponseSize) {
		return new TokenPayClientSettings(this.baseUrl, maxResponseSize, this.userAgent, this.operations);
	}

	/**
	 * Return a copy with another {@code userAgent}.
	 * @param userAgent the User-Agent header
	 * @return the copy
	 */
	public TokenPayClientSettings withUserAgent(String userAgent) {
		return new TokenPayClientSettings(this.baseUrl, this.maxResponseSize, userAgent, this.operations);
	}

	/**
	 * Return a copy with another {@code operations}.
	 * @param operations the overrides of operations, by operation name
	 * @return the copy
	 */
	public TokenPayClientSettings withOperations(Map<String, OperationOverride> operations) {
		return new TokenPayClientSettings(this.baseUrl, this.maxResponseSize, this.userAgent, operations);
	}

	/**
	 * Return a copy that also overrides one operation.
	 * @param name the operation's name, such as {@code cancel-payout}
	 * @param override what to change in it
	 * @return the copy
	 */
	public TokenPayClientSettings withOperation(String name, OperationOverride override) {
		Assert.hasText(name, "Name must not be blank");
		Assert.notNull(override, "Override must not be null");
		Map<String, OperationOverride> operations = new LinkedHashMap<>(this.operations);
		operations.put(name, override);
		return withOperations(operations);
	}

}
