package me.tokenpay.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.audit.TokenPayAudit;
import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.BalanceInquiry;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.currency.CurrencyCatalog;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import me.tokenpay.spring.client.payin.PayInOperations;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutOperations;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import me.tokenpay.spring.client.wallet.WalletOperations;
import me.tokenpay.spring.client.wallet.WalletTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Calls the TokenPay merchant API. Every operation goes through one
 * {@link TokenPayExchange}: its body is serialised once, exactly those bytes are signed
 * with the {@link AuthorizationSigner} and sent through a {@link RestClient}, the
 * answer's signature is checked with the {@link ResponseVerifier}, and the result is
 * returned or a {@link me.tokenpay.spring.client.error.TokenPayException} subtype thrown.
 * Each call is one {@code tokenpay.client.requests} observation. Build it with
 * {@link #builder()}, then share it: it is immutable and thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTemplate implements TokenPayOperations {

	private volatile Parts parts;

	private TokenPayTemplate(Builder builder) {
		this.parts = new Parts(builder.copy());
	}

	/**
	 * Create a template.
	 * @param restClientBuilder the builder of the HTTP client, copied before use
	 * @param settings the API settings
	 * @param credentials the merchant credentials
	 * @param signer the request signer
	 * @param verifier the response signature verifier
	 * @param observationRegistry the registry for observations,
	 * {@link ObservationRegistry#NOOP} to observe nothing
	 * @deprecated since 0.1.0 for removal; use {@link #builder()}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public TokenPayTemplate(RestClient.Builder restClientBuilder, TokenPayClientSettings settings,
			TokenPayCredentials credentials, AuthorizationSigner signer, ResponseVerifier verifier,
			ObservationRegistry observationRegistry) {
		this(builder().restClientBuilder(restClientBuilder)
			.settings(settings)
			.credentials(credentials)
			.signer(signer)
			.verifier(verifier)
			.observationRegistry(observationRegistry));
	}

	/**
	 * Start building a template. Only the {@link Builder#settings settings} and the
	 * {@link Builder#credentials credentials} are required.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start building a template configured as this one.
	 * @return a builder holding this template's configuration
	 */
	public Builder mutate() {
		return this.parts.configuration.copy();
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention to use
	 * @deprecated since 0.1.0 for removal; use {@link Builder#observationConvention}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setObservationConvention(TokenPayClientObservationConvention observationConvention) {
		reconfigure((builder) -> builder.observationConvention(observationConvention));
	}

	/**
	 * Set the name of the merchant this template calls for.
	 * @param merchant the merchant name
	 * @deprecated since 0.1.0 for removal; use {@link Builder#merchant}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setMerchant(String merchant) {
		reconfigure((builder) -> builder.merchant(merchant));
	}

	/**
	 * Set the retry policy for calls.
	 * @param retryPolicy the retry policy
	 * @deprecated since 0.1.0 for removal; use {@link Builder#retryPolicy}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setRetryPolicy(RetryPolicy retryPolicy) {
		reconfigure((builder) -> builder.retryPolicy(retryPolicy));
	}

	/**
	 * Set a client-side rate limiter that every attempt must pass.
	 * @param rateLimiter the rate limiter
	 * @deprecated since 0.1.0 for removal; use {@link Builder#rateLimiter}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setRateLimiter(TokenPayRateLimiter rateLimiter) {
		reconfigure((builder) -> builder.rateLimiter(rateLimiter));
	}

	/**
	 * Set the read timeout configured on the HTTP client.
	 * @param readTimeout the read timeout of the HTTP client
	 * @deprecated since 0.1.0 for removal; use {@link Builder#readTimeout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setReadTimeout(Duration readTimeout) {
		reconfigure((builder) -> builder.readTimeout(readTimeout));
	}

	/**
	 * Set how payouts are called.
	 * @param settings the payout settings
	 * @deprecated since 0.1.0 for removal; use {@link Builder#payoutSettings}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setPayoutSettings(PayoutSettings settings) {
		reconfigure((builder) -> builder.payoutSettings(settings));
	}

	/**
	 * Set how pay-in orders are called.
	 * @param settings the pay-in settings
	 * @deprecated since 0.1.0 for removal; use {@link Builder#payInSettings}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setPayInSettings(PayInSettings settings) {
		reconfigure((builder) -> builder.payInSettings(settings));
	}

	/**
	 * Set how the currency list is cached. Forgets the cached list.
	 * @param settings the currency settings
	 * @deprecated since 0.1.0 for removal; use {@link Builder#currencySettings}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setCurrencySettings(CurrencySettings settings) {
		reconfigure((builder) -> builder.currencySettings(settings));
	}

	/**
	 * Set the clock that ages the cached currency list and dates the expiry of created
	 * pay-in orders. Forgets the cached list.
	 * @param clock the clock
	 * @deprecated since 0.1.0 for removal; use {@link Builder#clock}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setClock(Clock clock) {
		reconfigure((builder) -> builder.clock(clock));
	}

	/**
	 * Replace the parts with ones built from a changed configuration, for the deprecated
	 * setters: every part, the cached currency list included, starts afresh.
	 */
	private synchronized void reconfigure(Consumer<Builder> change) {
		Builder configuration = this.parts.configuration.copy();
		change.accept(configuration);
		this.parts = new Parts(configuration);
	}

	@Override
	public PayoutOperations payouts() {
		return this.parts.payouts;
	}

	@Override
	public PayInOperations payIns() {
		return this.parts.payIns;
	}

	@Override
	public WalletOperations wallets() {
		return this.parts.wallets;
	}

	@Override
	public List<Currency> currencies() {
		return this.parts.currencies.list();
	}

	@Override
	public List<Currency> refreshCurrencies() {
		return this.parts.currencies.refresh();
	}

	@Override
	public Balance balance(Chain chain, String currency) {
		return this.parts.balances.get(chain, currency);
	}

	@Override
	public <T> T execute(OperationDescriptor<T> operation, OperationRequest request) {
		Assert.notNull(operation, "Operation must not be null");
		Assert.notNull(request, "Request must not be null");
		return this.parts.exchange.call(operation, request);
	}

	/**
	 * What a template is made of, all built from one configuration.
	 */
	private static final class Parts {

		private final Builder configuration;

		private final TokenPayExchange exchange;

		private final CurrencyCatalog currencies;

		private final PayoutOperations payouts;

		private final PayInOperations payIns;

		private final BalanceInquiry balances;

		private final WalletOperations wallets;

		Parts(Builder configuration) {
			TokenPayClientSettings settings = configuration.requiredSettings();
			TokenPayCredentials credentials = configuration.requiredCredentials();
			this.configuration = configuration;
			this.exchange = new TokenPayExchange(configuration.restClientBuilder.clone().build(), settings, credentials,
					configuration.signerOrDefault(credentials), configuration.verifierOrDefault(credentials),
					configuration.options);
			this.currencies = new CurrencyCatalog(this.exchange, configuration.currencySettings, configuration.clock);
			this.payouts = new PayoutTemplate(this.exchange, configuration.payoutSettings, this.currencies);
			this.payIns = new PayInTemplate(this.exchange, configuration.payInSettings, this.currencies,
					settings.baseUrl(), configuration.clock);
			this.balances = new BalanceInquiry(this.exchange, this.currencies);
			this.wallets = new WalletTemplate(this.exchange);
		}

	}

	/**
	 * Builds a {@link TokenPayTemplate}. Every setting but the API settings and the
	 * credentials has a default: a plain {@link RestClient#builder()}, a
	 * {@link TtpayAuthorizationSigner} and a {@link ResponseVerifier} that checks
	 * signatures where answers carry them ({@link ResponseSignatureMode#IF_PRESENT}, five
	 * minutes of tolerance), no observations, no retries, no rate limiter, and the
	 * documented settings of each resource.
	 */
	public static final class Builder {

		private RestClient.Builder restClientBuilder = RestClient.builder();

		private @Nullable TokenPayClientSettings settings;

		private @Nullable TokenPayCredentials credentials;

		private @Nullable AuthorizationSigner signer;

		private @Nullable ResponseVerifier verifier;

		private TokenPayExchange.Options options = TokenPayExchange.Options.defaults();

		private PayoutSettings payoutSettings = PayoutSettings.defaults();

		private PayInSettings payInSettings = PayInSettings.defaults();

		private CurrencySettings currencySettings = CurrencySettings.defaults();

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Set the builder of the HTTP client, copied before use; a plain
		 * {@link RestClient#builder()} unless set.
		 * @param restClientBuilder the builder, such as Spring Boot's
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			Assert.notNull(restClientBuilder, "RestClient builder must not be null");
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/**
		 * Set the API settings: base URL, answer size limit and user agent. Required.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(TokenPayClientSettings settings) {
			Assert.notNull(settings, "Settings must not be null");
			this.settings = settings;
			return this;
		}

		/**
		 * Set the merchant's credentials. Required.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(TokenPayCredentials credentials) {
			Assert.notNull(credentials, "Credentials must not be null");
			this.credentials = credentials;
			return this;
		}

		/**
		 * Set the request signer; a {@link TtpayAuthorizationSigner} of the credentials
		 * unless set.
		 * @param signer the signer
		 * @return this builder
		 */
		public Builder signer(AuthorizationSigner signer) {
			Assert.notNull(signer, "Signer must not be null");
			this.signer = signer;
			return this;
		}

		/**
		 * Set the verifier of answers' signatures; one of the credentials' secret that
		 * checks signatures where answers carry them unless set.
		 * @param verifier the verifier
		 * @return this builder
		 */
		public Builder verifier(ResponseVerifier verifier) {
			Assert.notNull(verifier, "Verifier must not be null");
			this.verifier = verifier;
			return this;
		}

		/**
		 * Set the registry for observations; {@link ObservationRegistry#NOOP} unless set.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.options = this.options.withObservationRegistry(observationRegistry);
			return this;
		}

		/**
		 * Replace the default observation convention.
		 * @param observationConvention the convention, {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable TokenPayClientObservationConvention observationConvention) {
			this.options = this.options.withObservationConvention(observationConvention);
			return this;
		}

		/**
		 * Set the name of the merchant the template calls for, the {@code merchant} key
		 * of its observations and the one its hints name properties of; {@code default}
		 * unless set.
		 * @param merchant the merchant name, such as a name under
		 * {@code tokenpay.merchants}
		 * @return this builder
		 */
		public Builder merchant(String merchant) {
			this.options = this.options.withMerchant(merchant);
			return this;
		}

		/**
		 * Set where a record of every attempt goes; none unless set.
		 * @param audit the audit, {@code null} for none
		 * @return this builder
		 */
		public Builder audit(@Nullable TokenPayAudit audit) {
			this.options = this.options.withAudit(audit);
			return this;
		}

		/**
		 * Set the retry policy for calls; by default calls are not retried. Whatever the
		 * policy, a failure is retried only when the operation's
		 * {@link me.tokenpay.spring.client.operation.Idempotency idempotency} allows it:
		 * a create only when its request provably never reached the gateway. Every
		 * attempt is signed afresh.
		 * @param retryPolicy the retry policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.options = this.options.withRetryPolicy(retryPolicy);
			return this;
		}

		/**
		 * Set a client-side rate limiter that every attempt must pass; none unless set.
		 * @param rateLimiter the rate limiter, {@code null} for none
		 * @return this builder
		 */
		public Builder rateLimiter(@Nullable TokenPayRateLimiter rateLimiter) {
			this.options = this.options.withRateLimiter(rateLimiter);
			return this;
		}

		/**
		 * Set the read timeout configured on the HTTP client. The whole answer must
		 * arrive within it, and a connection failure after the request was sent that
		 * happens once it has passed is reported as a
		 * {@link me.tokenpay.spring.client.error.TokenPayTimeoutException}: some clients,
		 * such as the JDK's {@code HttpClient}, close the body stream when their timeout
		 * fires while the body is still arriving. Unknown unless set, so only timeouts
		 * reported as such are recognised.
		 * @param readTimeout the read timeout of the HTTP client
		 * @return this builder
		 */
		public Builder readTimeout(@Nullable Duration readTimeout) {
			this.options = this.options.withReadTimeout(readTimeout);
			return this;
		}

		/**
		 * Set what is specific to payouts; {@link PayoutSettings#defaults()} unless set.
		 * @param settings the payout settings
		 * @return this builder
		 */
		public Builder payoutSettings(PayoutSettings settings) {
			Assert.notNull(settings, "Payout settings must not be null");
			this.payoutSettings = settings;
			return this;
		}

		/**
		 * Set what is specific to pay-in orders; {@link PayInSettings#defaults()} unless
		 * set.
		 * @param settings the pay-in settings
		 * @return this builder
		 */
		public Builder payInSettings(PayInSettings settings) {
			Assert.notNull(settings, "Pay-in settings must not be null");
			this.payInSettings = settings;
			return this;
		}

		/**
		 * Set how the currency list is cached; {@link CurrencySettings#defaults()} unless
		 * set.
		 * @param settings the currency settings
		 * @return this builder
		 */
		public Builder currencySettings(CurrencySettings settings) {
			Assert.notNull(settings, "Currency settings must not be null");
			this.currencySettings = settings;
			return this;
		}

		/**
		 * Set the clock that ages the cached currency list, dates the expiry of created
		 * pay-in orders and checks the timestamps of answers when the verifier is the
		 * default one; the system clock unless set.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "Clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Build the template.
		 * @return the template, immutable and thread-safe
		 * @throws IllegalStateException if the settings or the credentials are not set
		 */
		public TokenPayTemplate build() {
			return new TokenPayTemplate(this);
		}

		private TokenPayClientSettings requiredSettings() {
			TokenPayClientSettings settings = this.settings;
			Assert.state(settings != null, "Settings must be set: TokenPayTemplate.builder().settings(…)");
			return settings;
		}

		private TokenPayCredentials requiredCredentials() {
			TokenPayCredentials credentials = this.credentials;
			Assert.state(credentials != null, "Credentials must be set: TokenPayTemplate.builder().credentials(…)");
			return credentials;
		}

		private AuthorizationSigner signerOrDefault(TokenPayCredentials credentials) {
			AuthorizationSigner signer = this.signer;
			return (signer != null) ? signer : new TtpayAuthorizationSigner(credentials);
		}

		private ResponseVerifier verifierOrDefault(TokenPayCredentials credentials) {
			ResponseVerifier verifier = this.verifier;
			return (verifier != null) ? verifier : new ResponseVerifier(new SignatureCipher(credentials.appSecret()),
					ResponseSignatureMode.IF_PRESENT, Duration.ofMinutes(5), this.clock);
		}

		private Builder copy() {
			Builder copy = new Builder();
			copy.restClientBuilder = this.restClientBuilder;
			copy.settings = this.settings;
			copy.credentials = this.credentials;
			copy.signer = this.signer;
			copy.verifier = this.verifier;
			copy.options = this.options;
			copy.payoutSettings = this.payoutSettings;
			copy.payInSettings = this.payInSettings;
			copy.currencySettings = this.currencySettings;
			copy.clock = this.clock;
			return copy;
		}

	}

}
