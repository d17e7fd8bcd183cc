package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayRateLimiter;
import me.tokenpay.spring.client.TokenPayVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.retry.RetryPolicySettings;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.StringUtils;

/**
 * Turns {@link TokenPayProperties} into the client's credentials, settings, retry policy
 * and rate limiter, failing with an {@link InvalidTokenPayPropertyException} that names
 * the property to fix.
 *
 * @author TokenPay Spring Boot team
 */
final class TokenPayPropertiesMapper {

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private static final String DISABLE = " (or set tokenpay.enabled=false to turn the TokenPay client off)";

	private TokenPayPropertiesMapper() {
	}

	static TokenPayCredentials credentials(TokenPayProperties properties) {
		String appId = required("tokenpay.app-id", properties.appId(), "the App ID");
		String mchId = required("tokenpay.mch-id", properties.mchId(), "the merchant ID");
		String appSecret = required("tokenpay.app-secret", properties.appSecret(), "the APP SECRET");
		int length = appSecret.getBytes(StandardCharsets.UTF_8).length;
		if (length != TokenPayCredentials.APP_SECRET_LENGTH) {
			throw new InvalidTokenPayPropertyException("tokenpay.app-secret",
					"must be exactly 32 UTF-8 bytes (an AES-256 key) but has " + length,
					"Set tokenpay.app-secret to the APP SECRET copied again from the TokenPay merchant backstage, "
							+ "without quotes or spaces");
		}
		return new TokenPayCredentials(appId, mchId, appSecret);
	}

	static TokenPayClientSettings clientSettings(TokenPayProperties properties) {
		URI baseUrl = baseUrl(properties.baseUrl());
		String path = properties.cancelPayout().path();
		if (!path.startsWith("/")) {
			throw new InvalidTokenPayPropertyException("tokenpay.cancel-payout.path", "must start with '/'",
					"Set tokenpay.cancel-payout.path to /v1/payanother/close or /v1/payout/close");
		}
		String payoutIdField = properties.cancelPayout().payoutIdField();
		if (!StringUtils.hasText(payoutIdField)) {
			throw new InvalidTokenPayPropertyException("tokenpay.cancel-payout.payout-id-field", "must not be blank",
					"Set tokenpay.cancel-payout.payout-id-field to payout_id or payanother_id");
		}
		positive("tokenpay.connect-timeout", properties.connectTimeout());
		positive("tokenpay.read-timeout", properties.readTimeout());
		positive("tokenpay.signature.response-tolerance", properties.signature().responseTolerance());
		long maxResponseSize = properties.maxResponseSize().toBytes();
		if (maxResponseSize <= 0) {
			throw new InvalidTokenPayPropertyException("tokenpay.max-response-size", "must be positive",
					"Remove tokenpay.max-response-size to use the default of 1MB");
		}
		String userAgent = StringUtils.hasText(properties.userAgent()) ? properties.userAgent()
				: TokenPayVersion.userAgent();
		return new TokenPayClientSettings(baseUrl, path, payoutIdField, maxResponseSize, userAgent);
	}

	static RetryPolicy retryPolicy(TokenPayProperties properties) {
		TokenPayProperties.Retry retry = properties.retry();
		if (retry.maxAttempts() < 1 || retry.maxAttempts() > 10) {
			throw new InvalidTokenPayPropertyException("tokenpay.retry.max-attempts",
					"must be between 1 and 10 but is " + retry.maxAttempts(),
					"Set tokenpay.retry.max-attempts to 1 (no retries) or a small number such as 3");
		}
		if (retry.multiplier() < 1) {
			throw new InvalidTokenPayPropertyException("tokenpay.retry.multiplier",
					"must be at least 1 but is " + retry.multiplier(), "Set tokenpay.retry.multiplier to 1 or more");
		}
		positive("tokenpay.retry.initial-delay", retry.initialDelay());
		positive("tokenpay.retry.max-delay", retry.maxDelay());
		positive("tokenpay.retry.deadline", retry.deadline());
		if (retry.jitter().isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.retry.jitter", "must not be negative",
					"Set tokenpay.retry.jitter to 0 or a positive duration");
		}
		Duration attempt = properties.connectTimeout().plus(properties.readTimeout()).plus(rateLimitWait(properties));
		if (retry.deadline().compareTo(attempt) < 0) {
			throw new InvalidTokenPayPropertyException("tokenpay.retry.deadline",
					"(" + retry.deadline() + ") is shorter than one attempt may take (" + attempt + ")",
					"Raise tokenpay.retry.deadline to at least tokenpay.connect-timeout + tokenpay.read-timeout "
							+ "+ tokenpay.rate-limit.max-wait, or lower those");
		}
		Duration retryWindow = retry.deadline().minus(attempt);
		RetryPolicySettings settings = new RetryPolicySettings();
		settings.setMaxRetries((long) retry.maxAttempts() - 1);
		settings.setDelay(retry.initialDelay());
		settings.setMultiplier(retry.multiplier());
		settings.setMaxDelay(retry.maxDelay());
		settings.setJitter(retry.jitter());
		settings.setFactory((builder) -> retryWindow.isZero() ? builder.maxRetries(0).build()
				: builder.timeout(retryWindow).build());
		return settings.createRetryPolicy();
	}

	static @Nullable TokenPayRateLimiter rateLimiter(TokenPayProperties properties) {
		TokenPayProperties.RateLimit rateLimit = properties.rateLimit();
		if (!rateLimit.enabled()) {
			return null;
		}
		if (rateLimit.permitsPerSecond() < 1) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.permits-per-second",
					"must be positive but is " + rateLimit.permitsPerSecond(),
					"Set tokenpay.rate-limit.permits-per-second to 5 (TokenPay's limit) or set "
							+ "tokenpay.rate-limit.enabled=false");
		}
		if (rateLimit.maxWait().isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.max-wait", "must not be negative",
					"Set tokenpay.rate-limit.max-wait to 0 (fail at once) or a positive duration");
		}
		return new TokenPayRateLimiter(rateLimit.permitsPerSecond(), rateLimit.maxWait());
	}

	private static Duration rateLimitWait(TokenPayProperties properties) {
		return properties.rateLimit().enabled() ? properties.rateLimit().maxWait() : Duration.ZERO;
	}

	private static String required(String property, @Nullable String value, String what) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidTokenPayPropertyException(property, "is not set",
					"Set " + property + " to " + what + " shown in the TokenPay merchant backstage" + DISABLE);
		}
		return value.trim();
	}

	private static URI baseUrl(String value) {
		String action = "Set tokenpay.base-url to https://api.tokenpay.me or another https URL; plain http is only "
				+ "allowed for loopback hosts such as a local mock server";
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidTokenPayPropertyException("tokenpay.base-url", "is not a valid URL: " + ex.getReason(),
					action);
		}
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null) {
			throw new InvalidTokenPayPropertyException("tokenpay.base-url", "is not an absolute URL with a host",
					action);
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(host);
		if (!https && !loopbackHttp) {
			throw new InvalidTokenPayPropertyException("tokenpay.base-url",
					"must use https (or http to a loopback host) but is '" + uri + "'", action);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidTokenPayPropertyException("tokenpay.base-url", "must not have a query or fragment",
					action);
		}
		return uri;
	}

	private static boolean isLoopback(String host) {
		return host.equalsIgnoreCase("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("[::1]");
	}

	private static void positive(String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidTokenPayPropertyException(property, "must be positive but is " + duration,
					"Set " + property + " to a positive duration such as 10s, or remove it to use the default");
		}
	}

}
