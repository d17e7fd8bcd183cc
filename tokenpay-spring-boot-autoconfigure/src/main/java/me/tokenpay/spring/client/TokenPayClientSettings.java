package me.tokenpay.spring.client;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * How a {@link TokenPayTemplate} talks to the gateway, apart from credentials and HTTP
 * client settings.
 *
 * @param baseUrl the gateway's base URL; a path in it is part of every signed URL
 * @param cancelPayoutPath the path of Cancel Payout, relative to the base URL
 * @param payoutIdField the JSON field that carries the payout id in Cancel Payout
 * @param maxResponseSize the largest answer body accepted, in bytes
 * @param userAgent the {@code User-Agent} header sent with every call
 * @author TokenPay Spring Boot team
 */
public record TokenPayClientSettings(URI baseUrl, String cancelPayoutPath, String payoutIdField, long maxResponseSize,
		String userAgent) {

	/**
	 * The production gateway.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.tokenpay.me");

	/**
	 * Path of Cancel Payout in TokenPay's English and Chinese pages.
	 */
	public static final String DEFAULT_CANCEL_PAYOUT_PATH = "/v1/payanother/close";

	/**
	 * Payout id field of Cancel Payout in TokenPay's English page.
	 */
	public static final String DEFAULT_PAYOUT_ID_FIELD = "payout_id";

	/**
	 * Default limit on answer bodies, 1 MiB.
	 */
	public static final long DEFAULT_MAX_RESPONSE_SIZE = 1024 * 1024;

	/**
	 * Check the settings.
	 * @param baseUrl the gateway's base URL
	 * @param cancelPayoutPath the path of Cancel Payout
	 * @param payoutIdField the payout id field
	 * @param maxResponseSize the largest answer body accepted
	 * @param userAgent the {@code User-Agent} header
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public TokenPayClientSettings {
		Assert.notNull(baseUrl, "Base URL must not be null");
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null, "Base URL must be absolute with a host");
		Assert.isTrue(cancelPayoutPath != null && cancelPayoutPath.startsWith("/"),
				"Cancel payout path must start with '/'");
		Assert.hasText(payoutIdField, "Payout id field must not be blank");
		Assert.isTrue(maxResponseSize > 0, "Max response size must be positive");
		Assert.hasText(userAgent, "User agent must not be blank");
	}

	/**
	 * Return the defaults for a base URL.
	 * @param baseUrl the gateway's base URL
	 * @return settings with the documented defaults
	 */
	public static TokenPayClientSettings defaults(URI baseUrl) {
		return new TokenPayClientSettings(baseUrl, DEFAULT_CANCEL_PAYOUT_PATH, DEFAULT_PAYOUT_ID_FIELD,
				DEFAULT_MAX_RESPONSE_SIZE, TokenPayVersion.userAgent());
	}

	/**
	 * Return the URL path that is signed for a path relative to the base URL.
	 * @param path a path relative to the base URL
	 * @return the base URL's path followed by the path
	 */
	String signedPath(String path) {
		String basePath = this.baseUrl.getRawPath();
		if (basePath == null || basePath.isEmpty()) {
			return path;
		}
		return (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + path;
	}

}
