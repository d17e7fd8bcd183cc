package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.audit.TokenPayAudit;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SecureRandomNonceGenerator;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link TokenPayTemplate} of each merchant from the {@code tokenpay.*}
 * properties: one HTTP client, rate limiter and observation setup shared by all, the
 * merchant's own credentials, signer and base URL.
 *
 * @author TokenPay Spring Boot team
 */
final class TokenPayTemplateFactory {

	private final TokenPayProperties properties;

	private final TokenPayClientSettings clientSettings;

	private final RestClient.Builder restClientBuilder;

	private final ObservationRegistry observationRegistry;

	private final TokenPayClientObservationConvention observationConvention;

	private final @Nullable TokenPayRateLimiter rateLimiter;

	private final @Nullable TokenPayAudit audit;

	private final RetryPolicy retryPolicy;

	private final CurrencySettings currencySettings;

	private final PayoutSettings payoutSettings;

	private final PayInSettings payInSettings;

	TokenPayTemplateFactory(TokenPayProperties properties, TokenPayClientSettings clientSettings,
			RestClient.Builder restClientBuilder, ObservationRegistry observationRegistry,
			TokenPayClientObservationConvention observationConvention, @Nullable TokenPayRateLimiter rateLimiter,
			@Nullable TokenPayAudit audit) {
		this.properties = properties;
		this.clientSettings = clientSettings;
		this.restClientBuilder = restClientBuilder;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.rateLimiter = rateLimiter;
		this.audit = audit;
		this.retryPolicy = TokenPayPropertiesMapper.retryPolicy(properties);
		this.currencySettings = TokenPayPropertiesMapper.currencySettings(properties);
		this.payoutSettings = TokenPayPropertiesMapper.payoutSettings(properties);
		this.payInSettings = TokenPayPropertiesMapper.payInSettings(properties);
	}

	/**
	 * Build the template of a merchant.
	 * @param merchant the merchant
	 * @param signer its request signer, or {@code null} for one from its credentials
	 * @return the template
	 */
	TokenPayTemplate create(TokenPayMerchant merchant, @Nullable AuthorizationSigner signer) {
		TokenPayProperties properties = this.properties;
		TokenPayCredentials credentials = merchant.credentials();
		TokenPayClientSettings defaults = this.clientSettings;
		URI baseUrl = (merchant.baseUrl() != null) ? merchant.baseUrl() : defaults.baseUrl();
		TokenPayClientSettings settings = defaults.withBaseUrl(baseUrl);
		ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(credentials.appSecret()),
				properties.signature().responseMode(), properties.signature().responseTolerance(), Clock.systemUTC());
		return TokenPayTemplate.builder()
			.restClientBuilder(this.restClientBuilder)
			.settings(settings)
			.credentials(credentials)
			.signer((signer != null) ? signer : signer(properties, credentials))
			.verifier(verifier)
			.observationRegistry(this.observationRegistry)
			.observationConvention(this.observationConvention)
			.merchant(merchant.name())
			.readTimeout(properties.readTimeout())
			.retryPolicy(this.retryPolicy)
			.rateLimiter(this.rateLimiter)
			.audit(this.audit)
			.currencySettings(this.currencySettings)
			.payoutSettings(this.payoutSettings)
			.payInSettings(this.payInSettings)
			.build();
	}

	static AuthorizationSigner signer(TokenPayProperties properties, TokenPayCredentials credentials) {
		return new TtpayAuthorizationSigner(credentials, Clock.systemUTC(), properties.signature().timestampUnit(),
				new SecureRandomNonceGenerator());
	}

}
