package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import me.tokenpay.spring.autoconfigure.actuate.TokenPayActivity;
import me.tokenpay.spring.autoconfigure.actuate.TokenPayEndpoint;
import me.tokenpay.spring.autoconfigure.actuate.TokenPayEndpoint.NotificationsDescriptor;
import me.tokenpay.spring.autoconfigure.actuate.TokenPayEndpoint.RateLimitDescriptor;
import me.tokenpay.spring.autoconfigure.actuate.TokenPayHealthIndicator;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.verification.TokenPayVerifier;
import me.tokenpay.spring.journal.PayoutJournal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of what lets an operator see the TokenPay client: the start-up
 * summary and verification, the {@code tokenpay} health indicator (one component per
 * merchant) and the {@code tokenpay} actuator endpoint.
 *
 * @author TokenPay Spring Boot team
 */
@AutoConfiguration(after = { TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "tokenpay.enabled", matchIfMissing = true)
@ConditionalOnBean(TokenPayMerchants.class)
@EnableConfigurationProperties(TokenPayProperties.class)
public final class TokenPayVerificationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TokenPayVerifications tokenPayVerifications(TokenPayProperties properties, TokenPayMerchants merchants) {
		Duration cacheTtl = properties.health().cacheTtl();
		if (cacheTtl.isNegative() || cacheTtl.isZero()) {
			throw new InvalidTokenPayPropertyException("tokenpay.health.cache-ttl", "must be positive",
					"Set tokenpay.health.cache-ttl to a duration such as 1m: each period costs one request per "
							+ "merchant");
		}
		return new TokenPayVerifications(merchants, new TokenPayVerifier(Clock.systemUTC()), Clock.systemUTC(),
				cacheTtl);
	}

	@Bean
	TokenPayStartupReport tokenPayStartupReport(TokenPayProperties properties, TokenPayMerchants merchants,
			TokenPayVerifications verifications, ObjectProvider<TokenPayRateLimiter> rateLimiter,
			ObjectProvider<TokenPayNotificationDeduplicator> deduplicator,
			@Qualifier(TokenPayAutoConfiguration.REQUEST_FACTORY_BEAN_NAME) ObjectProvider<ClientHttpRequestFactory> requestFactory) {
		TokenPayProperties.RateLimit rateLimit = properties.rateLimit();
		TokenPayProperties.Notification notification = properties.notification();
		ClientHttpRequestFactory factory = requestFactory.getIfAvailable();
		TokenPayNotificationDeduplicator dedupe = deduplicator.getIfAvailable();
		String infrastructure = "rate limit "
				+ ((rateLimiter.getIfAvailable() != null)
						? name(rateLimit.store()) + " (" + TokenPayPropertiesMapper.rateLimit(properties).permits()
								+ " per " + TokenPayPropertiesMapper.rateLimit(properties).window() + ")"
						: "off")
				+ ", notifications " + (notification.enabled() ? "at " + notification.path() : "off")
				+ ((dedupe != null) ? " (dedupe " + dedupe.getClass().getSimpleName() + ")" : "") + ", HTTP client "
				+ ((factory != null) ? factory.getClass().getSimpleName() : "of the RestClient.Builder");
		return new TokenPayStartupReport(merchants, verifications, properties.verifyOnStartup(),
				URI.create(properties.baseUrl()), infrastructure);
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("tokenpay")
	static class TokenPayHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tokenpayHealthContributor")
		CompositeHealthContributor tokenpayHealthContributor(TokenPayVerifications verifications) {
			Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
			verifications.names()
				.stream()
				.sorted()
				.forEach((name) -> indicators.put(name, new TokenPayHealthIndicator(verifications, name)));
			return CompositeHealthContributor.fromMap(indicators);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class TokenPayEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		TokenPayEndpoint tokenPayEndpoint(TokenPayProperties properties, TokenPayMerchants merchants,
				TokenPayVerifications verifications, TokenPayActivity activity,
				ObjectProvider<TokenPayRateLimiter> rateLimiter, ObjectProvider<PayoutJournal> journal,
				Environment environment) {
			TokenPayProperties.RateLimit rateLimit = properties.rateLimit();
			TokenPayProperties.Notification notification = properties.notification();
			TokenPayPropertiesMapper.RateLimitSettings limit = TokenPayPropertiesMapper.rateLimit(properties);
			RateLimitDescriptor.Settings rateLimitSettings = new RateLimitDescriptor.Settings(
					rateLimiter.getIfAvailable() != null, name(rateLimit.store()), limit.permits(), limit.window(),
					limit.maxWait(), name(rateLimit.onStoreFailure()));
			NotificationsDescriptor.Settings notificationSettings = new NotificationsDescriptor.Settings(
					notification.enabled(), notification.path(), name(notification.dedupeStore()));
			Duration stuckAfter = Binder.get(environment)
				.bind("tokenpay.journal.stuck-after", Duration.class)
				.orElse(Duration.ofMinutes(15));
			return new TokenPayEndpoint(merchants, verifications, activity, rateLimiter.getIfAvailable(),
					rateLimitSettings, notificationSettings, journal.getIfAvailable(), stuckAfter);
		}

	}

}
