package me.tokenpay.spring.client;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * How a {@link TokenPayTemplate} talks to the gateway, apart from credentials, HTTP
 * client settings and the settings of each resource.
 *
 * @param baseUrl the gateway's base URL; a path in it is part of every signed URL
 * @param maxResponseSize the largest answer body accepted, in bytes
 * @param userAgent the {@code User-Agent} header sent with every call
 * @author TokenPay Spring Boot team
 */
public record TokenPayClientSettings(URI baseUrl, long maxResponseSize, String userAgent) {

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
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public TokenPayClientSettings {
		Assert.notNull(baseUrl, "Base URL must not be null");
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null, "Base URL must be absolute with a host");
		Assert.isTrue(baseUrl.getRawQuery() == null && baseUrl.getRawFragment() == null,
				"Base URL must not have a query or fragment");
		Assert.isTrue(maxResponseSize > 0, "Max response size must be positive");
		Assert.hasText(userAgent, "User agent must not be blank");
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
	 * Return a copy with another {@code baseUrl}.
	 * @param baseUrl the base URL
	 * @return the copy
	 */
	public TokenPayClientSettings withBaseUrl(URI baseUrl) {
		return new TokenPayClientSettings(baseUrl, this.maxResponseSize, this.userAgent);
	}

	/**
	 * Return a copy with another {@code maxResponseSize}.
	 * @param maxResponseSize the largest answer read, in bytes
	 * @return the copy
	 */
	public TokenPayClientSettings withMaxResponseSize(long maxResponseSize) {
		return new TokenPayClientSettings(this.baseUrl, maxResponseSize, this.userAgent);
	}

	/**
	 * Return a copy with another {@code userAgent}.
	 * @param userAgent the User-Agent header
	 * @return the copy
	 */
	public TokenPayClientSettings withUserAgent(String userAgent) {
		return new TokenPayClientSettings(this.baseUrl, this.maxResponseSize, userAgent);
	}

}
