package me.tokenpay.spring.autoconfigure;

import java.time.Clock;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayRateLimiter;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SecureRandomNonceGenerator;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * {@link AutoConfiguration Auto-configuration} for the TokenPay client: a
 * {@link TokenPayTemplate} built from Boot's {@link RestClient.Builder} (so
 * {@code spring.http.clients.*}, SSL bundles and {@code http.client.requests} apply),
 * with the {@code tokenpay.*} timeouts on top and redirects never followed.
 * <p>
 * With Spring Boot Actuator, {@code tokenpay.app-secret} is masked in the
 * {@code configprops} and {@code env} endpoints even when they show values, and a
 * {@link TokenPayInfoContributor} can be turned on with
 * {@code management.info.tokenpay.enabled=true}.
 *
 * @author TokenPay Spring Boot team
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = "tokenpay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TokenPayProperties.class)
public final class TokenPayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean({ AuthorizationSigner.class, TokenPayOperations.class })
	AuthorizationSigner tokenPayAuthorizationSigner(TokenPayProperties properties) {
		return new TtpayAuthorizationSigner(TokenPayPropertiesValidator.credentials(properties), Clock.systemUTC(),
				properties.signature().timestampUnit(), new SecureRandomNonceGenerator());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenPayClientObservationConvention tokenPayClientObservationConvention() {
		return new DefaultTokenPayClientObservationConvention();
	}

	@Bean
	@ConditionalOnMissingBean(TokenPayOperations.class)
	TokenPayTemplate tokenPayTemplate(TokenPayProperties properties, AuthorizationSigner signer,
			TokenPayClientObservationConvention observationConvention,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ObservationRegistry> observationRegistry, ResourceLoader resourceLoader) {
		TokenPayCredentials credentials = TokenPayPropertiesValidator.credentials(properties);
		TokenPayClientSettings settings = TokenPayPropertiesValidator.clientSettings(properties);
		HttpClientSettings httpSettings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.connectTimeout(), properties.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder)
			.clone()
			.requestFactory(requestFactoryBuilder
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()))
				.build(httpSettings));
		ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(credentials.appSecret()),
				properties.signature().responseMode(), properties.signature().responseTolerance(), Clock.systemUTC());
		TokenPayTemplate template = new TokenPayTemplate(builder, settings, credentials, signer, verifier,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		template.setObservationConvention(observationConvention);
		template.setReadTimeout(properties.readTimeout());
		template.setRetryPolicy(TokenPayPropertiesValidator.retryPolicy(properties));
		TokenPayRateLimiter rateLimiter = TokenPayPropertiesValidator.rateLimiter(properties);
		if (rateLimiter != null) {
			template.setRateLimiter(rateLimiter);
		}
		template.setNotOpenCodes(properties.cancelPayout().notOpenCodes());
		return template;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class TokenPayActuatorConfiguration {

		private static final String APP_SECRET_KEY = "tokenpayappsecret";

		@Bean
		@ConditionalOnMissingBean(name = "tokenPayAppSecretSanitizingFunction")
		SanitizingFunction tokenPayAppSecretSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(TokenPayActuatorConfiguration::isAppSecret);
		}

		private static boolean isAppSecret(String key) {
			return APP_SECRET_KEY.equals(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
	static class TokenPayInfoContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnEnabledInfoContributor(value = "tokenpay", fallback = InfoContributorFallback.DISABLE)
		TokenPayInfoContributor tokenPayInfoContributor(TokenPayProperties properties) {
			return new TokenPayInfoContributor(properties);
		}

	}

}
