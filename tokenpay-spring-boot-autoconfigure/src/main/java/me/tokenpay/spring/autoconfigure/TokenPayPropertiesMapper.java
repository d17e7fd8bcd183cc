package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayVersion;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.notification.NotificationKeys;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.jdbc.TablePrefix;
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

	/**
	 * How much longer than an attempt's timeouts a Redis rate limit permit is held at
	 * most.
	 */
	static final long LEASE_MARGIN_SECONDS = 5;

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private static final String DISABLE = " (or set tokenpay.enabled=false to turn the TokenPay client off)";

	/**
	 * TokenPay's App ID: 32 hexadecimal characters.
	 */
	private static final Pattern APP_ID = Pattern.compile("[0-9a-fA-F]{32}");

	/**
	 * TokenPay's merchant ID: digits.
	 */
	private static final Pattern MCH_ID = Pattern.compile("[0-9]{1,32}");

	/**
	 * A property placeholder that the environment did not resolve, such as
	 * {@code ${TOKENPAY_APP_SECRET}}: its name up to a default or the end.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private TokenPayPropertiesMapper() {
	}

	static TokenPayCredentials credentials(TokenPayProperties properties) {
		return credentials("tokenpay", properties.appId(), properties.mchId(), properties.appSecret());
	}

	private static TokenPayCredentials credentials(String prefix, @Nullable String appIdValue,
			@Nullable String mchIdValue, @Nullable String appSecretValue) {
		String appId = required(prefix + ".app-id", appIdValue, "the App ID");
		if (!APP_ID.matcher(appId).matches()) {
			throw new InvalidTokenPayPropertyException(prefix + ".app-id",
					"must be 32 hexadecimal characters (TokenPay's App ID) but is " + shape(appId),
					"Set " + prefix + ".app-id to the App ID copied again from the TokenPay merchant backstage");
		}
		String mchId = required(prefix + ".mch-id", mchIdValue, "the merchant ID");
		if (!MCH_ID.matcher(mchId).matches()) {
			throw new InvalidTokenPayPropertyException(prefix + ".mch-id",
					"must be the digits of TokenPay's merchant ID but is " + shape(mchId),
					"Set " + prefix + ".mch-id to the merchant ID shown in the TokenPay merchant backstage");
		}
		String appSecret = required(prefix + ".app-secret", appSecretValue, "the APP SECRET");
		int length = appSecret.getBytes(StandardCharsets.UTF_8).length;
		if (length != TokenPayCredentials.APP_SECRET_LENGTH) {
			throw new InvalidTokenPayPropertyException(prefix + ".app-secret",
					"must be exactly 32 UTF-8 bytes (an AES-256 key) but has " + length,
					"Set " + prefix
							+ ".app-secret to the APP SECRET copied again from the TokenPay merchant backstage, "
							+ "without quotes or spaces");
		}
		return new TokenPayCredentials(appId, mchId, appSecret);
	}

	/**
	 * Return every merchant the properties configure: the flat credentials as the
	 * merchant named {@code default}, then each {@code tokenpay.merchants.<name>}.
	 * @param properties the properties
	 * @return the merchants
	 */
	static List<TokenPayMerchant> merchants(TokenPayProperties properties) {
		List<TokenPayMerchant> merchants = new ArrayList<>();
		boolean flat = StringUtils.hasText(properties.appId()) || StringUtils.hasText(properties.mchId())
				|| StringUtils.hasText(properties.appSecret());
		if (flat || properties.namedMerchants().isEmpty()) {
			merchants.add(new TokenPayMerchant(TokenPayMerchant.DEFAULT_NAME, credentials(properties), null));
		}
		properties.namedMerchants().forEach((name, merchant) -> {
			String prefix = "tokenpay.merchants." + name;
			if (flat && TokenPayMerchant.DEFAULT_NAME.equals(name)) {
				throw new InvalidTokenPayPropertyException(prefix, "clashes with the flat tokenpay.app-id merchant",
						"Rename the merchant, or remove the flat tokenpay.app-id, mch-id and app-secret");
			}
			TokenPayCredentials credentials = credentials(prefix, merchant.appId(), merchant.mchId(),
					merchant.appSecret());
			URI baseUrl = (merchant.baseUrl() != null) ? baseUrl(prefix + ".base-url", merchant.baseUrl()) : null;
			merchants.add(new TokenPayMerchant(name, credentials, baseUrl));
		});
		return merchants;
	}

	/**
	 * Return the name of the merchant the single {@code TokenPayOperations} bean calls
	 * for.
	 * @param properties the properties
	 * @param names the names of every merchant
	 * @return the default merchant's name
	 */
	static String defaultMerchant(TokenPayProperties properties, Set<String> names) {
		String name = properties.defaultMerchant();
		if (name == null) {
			name = (names.size() == 1) ? names.iterator().next() : TokenPayMerchant.DEFAULT_NAME;
		}
		if (names.contains(name)) {
			return name;
		}
		throw new InvalidTokenPayPropertyException("tokenpay.default-merchant",
				(properties.defaultMerchant() != null) ? "names '" + name + "', which is not configured"
						: "is not set and there are several merchants",
				"Set tokenpay.default-merchant to one of " + names);
	}

	static TokenPayClientSettings clientSettings(TokenPayProperties properties) {
		URI baseUrl = baseUrl("tokenpay.base-url", properties.baseUrl());
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
		return new TokenPayClientSettings(baseUrl, maxResponseSize, userAgent);
	}

	/**
	 * Return what the properties change in operations, each change checked against the
	 * operation it names.
	 * @param properties the properties
	 * @param declared every operation that can be changed: the built-in ones and the
	 * application's
	 * @return the changes by operation name
	 */
	static Map<String, OperationOverride> operationOverrides(TokenPayProperties properties,
			Collection<OperationDescriptor<?>> declared) {
		Map<String, OperationDescriptor<?>> byName = new TreeMap<>();
		declared.forEach((operation) -> byName.put(operation.name(), operation));
		Map<String, OperationOverride> overrides = new LinkedHashMap<>();
		properties.operationOverrides().forEach((name, operation) -> {
			String prefix = "tokenpay.operations." + name;
			OperationDescriptor<?> descriptor = byName.get(name);
			if (descriptor == null) {
				throw new InvalidTokenPayPropertyException(prefix, "names no operation",
						"Use one of " + byName.keySet() + ", or declare the operation as an OperationDescriptor bean");
			}
			if (operation.path() != null) {
				path(prefix + ".path", operation.path(), descriptor.path());
			}
			if (operation.method() == QueryMethod.GET && operation.parameterLocation() == ParameterLocation.BODY) {
				throw new InvalidTokenPayPropertyException(prefix + ".parameter-location",
						"must be query when " + prefix + ".method is get",
						"Remove " + prefix + ".parameter-location, or set " + prefix + ".method to post");
			}
			OperationOverride override = new OperationOverride(operation.path(), operation.method(),
					operation.parameterLocation());
			try {
				override.applyTo(descriptor);
			}
			catch (IllegalArgumentException ex) {
				String property = (operation.method() != null) ? prefix + ".method" : prefix + ".parameter-location";
				throw new InvalidTokenPayPropertyException(property, "cannot change " + name + ": " + ex.getMessage(),
						"Remove " + property);
			}
			overrides.put(name, override);
		});
		return overrides;
	}

	static PayoutSettings payoutSettings(TokenPayProperties properties) {
		TokenPayProperties.Payout payout = properties.payout();
		resolution("tokenpay.payout", payout.resolveAttempts(), payout.resolveDelay());
		if (!StringUtils.hasText(payout.payoutIdField())) {
			throw new InvalidTokenPayPropertyException("tokenpay.payout.payout-id-field", "must not be blank",
					"Set tokenpay.payout.payout-id-field to payout_id or payanother_id");
		}
		return new PayoutSettings(payout.payoutIdField(), payout.notOpenCodes(), payout.resolveAttempts(),
				payout.resolveDelay());
	}

	static PayInSettings payInSettings(TokenPayProperties properties) {
		TokenPayProperties.PayIn payIn = properties.payIn();
		resolution("tokenpay.pay-in", payIn.resolveAttempts(), payIn.resolveDelay());
		return new PayInSettings(payIn.amountFormat(), payIn.notClosableCodes(), payIn.resolveAttempts(),
				payIn.resolveDelay());
	}

	static CurrencySettings currencySettings(TokenPayProperties properties) {
		Duration cacheTtl = properties.currencies().cacheTtl();
		if (cacheTtl.isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.currencies.cache-ttl", "must not be negative",
					"Set tokenpay.currencies.cache-ttl to a duration such as 10m, or 0 to not cache");
		}
		return new CurrencySettings(cacheTtl);
	}

	static TokenPayNotificationParser notificationParser(TokenPayProperties properties, NotificationKeys keys) {
		TokenPayProperties.Notification notification = properties.notification();
		if (notification.timestampTolerance().isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.notification.timestamp-tolerance",
					"must not be negative", "Set tokenpay.notification.timestamp-tolerance to 24h, or 0 to not check");
		}
		long maxBodySize = notification.maxBodySize().toBytes();
		if (maxBodySize <= 0) {
			throw new InvalidTokenPayPropertyException("tokenpay.notification.max-body-size", "must be positive",
					"Remove tokenpay.notification.max-body-size to use the default of 64KB");
		}
		return new TokenPayNotificationParser(keys, notification.timestampTolerance(), maxBodySize, Clock.systemUTC());
	}

	static String notificationPath(TokenPayProperties properties) {
		return path("tokenpay.notification.path", properties.notification().path(), "/tokenpay/notifications");
	}

	static Duration dedupeLease(TokenPayProperties properties) {
		positive("tokenpay.notification.dedupe-lease", properties.notification().dedupeLease());
		return properties.notification().dedupeLease();
	}

	static Duration dedupeRetention(TokenPayProperties properties) {
		positive("tokenpay.notification.dedupe-retention", properties.notification().dedupeRetention());
		return properties.notification().dedupeRetention();
	}

	private static void resolution(String prefix, int attempts, Duration delay) {
		if (attempts < 0 || attempts > 10) {
			throw new InvalidTokenPayPropertyException(prefix + ".resolve-attempts",
					"must be between 0 and 10 but is " + attempts,
					"Set " + prefix + ".resolve-attempts to a small number such as 3, or 0 to not query");
		}
		if (delay.isNegative()) {
			throw new InvalidTokenPayPropertyException(prefix + ".resolve-delay", "must not be negative",
					"Set " + prefix + ".resolve-delay to a duration such as 500ms");
		}
	}

	private static String path(String property, String path, String documented) {
		if (!path.startsWith("/") || path.indexOf('?') >= 0 || path.indexOf('#') >= 0
				|| path.chars().anyMatch((c) -> c <= ' ' || c >= 0x7f)) {
			throw new InvalidTokenPayPropertyException(property,
					"must start with '/' and have no query, fragment, spaces or control characters",
					"Set " + property + " to a path such as " + documented + ", or remove it to use that default");
		}
		return path;
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

	/**
	 * Check the rate limit settings.
	 * @param properties the properties
	 * @return the permits and window to limit to
	 */
	static RateLimitSettings rateLimit(TokenPayProperties properties) {
		TokenPayProperties.RateLimit rateLimit = properties.rateLimit();
		Integer perSecond = rateLimit.permitsPerSecond();
		int permits = (perSecond != null) ? perSecond : rateLimit.permits();
		Duration window = (perSecond != null) ? Duration.ofSeconds(1) : rateLimit.window();
		if (permits < 1) {
			String property = (perSecond != null) ? "tokenpay.rate-limit.permits-per-second"
					: "tokenpay.rate-limit.permits";
			throw new InvalidTokenPayPropertyException(property, "must be positive but is " + permits,
					"Set " + property + " to 5 (TokenPay's limit) or set tokenpay.rate-limit.enabled=false");
		}
		if (window.toMillis() < 1) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.window", "must be at least 1ms",
					"Set tokenpay.rate-limit.window to 1s (TokenPay's window)");
		}
		if (rateLimit.maxWait().isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.max-wait", "must not be negative",
					"Set tokenpay.rate-limit.max-wait to 0 (fail at once) or a positive duration");
		}
		if (rateLimit.instances() < 1) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.instances",
					"must be positive but is " + rateLimit.instances(),
					"Set tokenpay.rate-limit.instances to the number of application instances sharing an app id");
		}
		return new RateLimitSettings(permits, window, rateLimit.maxWait());
	}

	/**
	 * Return how long a shared rate limit permit is held at most: longer than any attempt
	 * (connect and read timeouts) by {@value #LEASE_MARGIN_SECONDS} seconds.
	 * @param properties the properties
	 * @return the lease
	 */
	static Duration lease(TokenPayProperties properties) {
		return properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(LEASE_MARGIN_SECONDS);
	}

	/**
	 * Check the prefix of the starter's tables.
	 * @param prefix the prefix
	 * @return the prefix
	 */
	static String tablePrefix(String prefix) {
		if (!TablePrefix.isValid(prefix)) {
			throw new InvalidTokenPayPropertyException("tokenpay.journal.jdbc.table-prefix",
					"must be letters, digits and underscores, starting with a letter or underscore, but is '" + prefix
							+ "'",
					"Set tokenpay.journal.jdbc.table-prefix to a prefix such as TOKENPAY_");
		}
		return prefix;
	}

	/**
	 * Check the settings of the Redis rate limiter. A permit's lease outlasts any attempt
	 * (connect and read timeouts) by {@value #LEASE_MARGIN_SECONDS} seconds.
	 * @param properties the properties
	 * @return the settings
	 */
	static RedisTokenPayRateLimiter.Settings redisRateLimit(TokenPayProperties properties) {
		RateLimitSettings settings = rateLimit(properties);
		Duration lease = lease(properties);
		return new RedisTokenPayRateLimiter.Settings(settings.permits(), settings.window(), settings.maxWait(), lease,
				properties.rateLimit().onStoreFailure(), properties.rateLimit().instances());
	}

	/**
	 * Checked permits, window and maximum wait.
	 *
	 * @param permits the permits per window
	 * @param window the window
	 * @param maxWait the longest wait for a permit
	 */
	record RateLimitSettings(int permits, Duration window, Duration maxWait) {

	}

	private static Duration rateLimitWait(TokenPayProperties properties) {
		return properties.rateLimit().enabled() ? properties.rateLimit().maxWait() : Duration.ZERO;
	}

	private static String required(String property, @Nullable String value, String what) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidTokenPayPropertyException(property, "is not set",
					"Set " + property + " to " + what + " shown in the TokenPay merchant backstage" + DISABLE);
		}
		return resolved(property, value, what).trim();
	}

	/**
	 * Refuse a value that still holds a placeholder: the environment variable it names
	 * was not set.
	 */
	private static String resolved(String property, String value, String what) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (placeholder.find()) {
			String name = placeholder.group(1);
			throw new InvalidTokenPayPropertyException(property,
					"is the placeholder ${" + name + "}, which nothing resolved",
					"Set the environment variable " + name + " (or the property " + name + ") before starting, or set "
							+ property + " to " + what + " directly");
		}
		return value;
	}

	/**
	 * Describe a credential by its length and character classes, never by its value.
	 */
	private static String shape(String value) {
		return value.length() + " characters" + (value.chars().allMatch((c) -> c < 128 && Character.isLetterOrDigit(c))
				? "" : " including other than letters and digits");
	}

	private static URI baseUrl(String property, String value) {
		String action = "Set " + property + " to https://api.tokenpay.me or another https URL; plain http is only "
				+ "allowed for loopback hosts such as a local mock server";
		URI uri;
		try {
			uri = new URI(resolved(property, value, "the gateway's URL").trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidTokenPayPropertyException(property, "is not a valid URL: " + ex.getReason(), action);
		}
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null) {
			throw new InvalidTokenPayPropertyException(property, "is not an absolute URL with a host", action);
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(host);
		if (!https && !loopbackHttp) {
			throw new InvalidTokenPayPropertyException(property,
					"must use https (or http to a loopback host) but is '" + uri + "'", action);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidTokenPayPropertyException(property, "must not have a query or fragment", action);
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
