package me.tokenpay.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.BalanceInquiry;
import me.tokenpay.spring.client.currency.BalanceSettings;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.currency.CurrencyCatalog;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import me.tokenpay.spring.client.payin.PayInOperations;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutOperations;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseVerifier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

/**
 * Calls the TokenPay merchant API. Every operation goes through one
 * {@link TokenPayExchange}: its body is serialised once, exactly those bytes are signed
 * with the {@link AuthorizationSigner} and sent through a {@link RestClient}, the
 * answer's signature is checked with the {@link ResponseVerifier}, and the result is
 * returned or a {@link me.tokenpay.spring.client.error.TokenPayException} subtype thrown.
 * Each call is one {@code tokenpay.client.requests} observation. Configure it with the
 * setters, then share it: it is thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTemplate implements TokenPayOperations {

	private final TokenPayExchange exchange;

	private final URI baseUrl;

	private PayoutSettings payoutSettings = PayoutSettings.defaults();

	private PayoutOperations payouts;

	private PayInSettings payInSettings = PayInSettings.defaults();

	private PayInOperations payIns;

	private CurrencySettings currencySettings = CurrencySettings.defaults();

	private CurrencyCatalog currencies;

	private Clock clock = Clock.systemUTC();

	private BalanceSettings balanceSettings = BalanceSettings.defaults();

	private BalanceInquiry balances;

	/**
	 * Create a template.
	 * @param restClientBuilder the builder of the HTTP client, copied before use
	 * @param settings the API settings
	 * @param credentials the merchant credentials
	 * @param signer the request signer
	 * @param verifier the response signature verifier
	 * @param observationRegistry the registry for observations,
	 * {@link ObservationRegistry#NOOP} to observe nothing
	 */
	public TokenPayTemplate(RestClient.Builder restClientBuilder, TokenPayClientSettings settings,
			TokenPayCredentials credentials, AuthorizationSigner signer, ResponseVerifier verifier,
			ObservationRegistry observationRegistry) {
		this.exchange = new TokenPayExchange(restClientBuilder.clone().build(), settings, credentials, signer, verifier,
				observationRegistry);
		this.baseUrl = settings.baseUrl();
		this.currencies = new CurrencyCatalog(this.exchange, this.currencySettings, this.clock);
		this.payouts = newPayouts();
		this.payIns = newPayIns();
		this.balances = newBalances();
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention to use
	 */
	public void setObservationConvention(TokenPayClientObservationConvention observationConvention) {
		this.exchange.setObservationConvention(observationConvention);
	}

	/**
	 * Set the name of the merchant this template calls for, the {@code merchant} key of
	 * its observations; {@code default} unless set.
	 * @param merchant the merchant name, such as a name under {@code tokenpay.merchants}
	 */
	public void setMerchant(String merchant) {
		this.exchange.setMerchant(merchant);
	}

	/**
	 * Set the retry policy for calls; by default calls are not retried. Whatever the
	 * policy, a failure is retried only when the operation's
	 * {@link me.tokenpay.spring.client.operation.Idempotency idempotency} allows it: a
	 * create only when its request provably never reached the gateway. Every attempt is
	 * signed afresh.
	 * @param retryPolicy the retry policy
	 */
	public void setRetryPolicy(RetryPolicy retryPolicy) {
		this.exchange.setRetryPolicy(retryPolicy);
	}

	/**
	 * Set a client-side rate limiter that every attempt must pass; by default there is
	 * none.
	 * @param rateLimiter the rate limiter
	 */
	public void setRateLimiter(TokenPayRateLimiter rateLimiter) {
		this.exchange.setRateLimiter(rateLimiter);
	}

	/**
	 * Set the read timeout configured on the HTTP client. A connection failure after the
	 * request was sent that happens once this much time has passed is reported as a
	 * {@link me.tokenpay.spring.client.error.TokenPayTimeoutException}: some clients,
	 * such as the JDK's {@code HttpClient} behind {@code JdkClientHttpRequestFactory},
	 * close the body stream when their timeout fires while the body is still arriving. By
	 * default unknown, so only timeouts reported as such are recognised.
	 * @param readTimeout the read timeout of the HTTP client
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.exchange.setReadTimeout(readTimeout);
	}

	/**
	 * Set how payouts are called; by default {@link PayoutSettings#defaults()}.
	 * @param settings the payout settings
	 */
	public void setPayoutSettings(PayoutSettings settings) {
		this.payoutSettings = settings;
		this.payouts = newPayouts();
	}

	/**
	 * Set how pay-in orders are called; by default {@link PayInSettings#defaults()}.
	 * @param settings the pay-in settings
	 */
	public void setPayInSettings(PayInSettings settings) {
		this.payInSettings = settings;
		this.payIns = newPayIns();
	}

	/**
	 * Set how the currency list is called and cached; by default
	 * {@link CurrencySettings#defaults()}. Forgets the cached list.
	 * @param settings the currency settings
	 */
	public void setCurrencySettings(CurrencySettings settings) {
		this.currencySettings = settings;
		newCurrencies();
	}

	/**
	 * Set the clock that ages the cached currency list and dates the expiry of created
	 * pay-in orders; the system clock unless set. Forgets the cached list.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		this.clock = clock;
		newCurrencies();
	}

	private void newCurrencies() {
		this.currencies = new CurrencyCatalog(this.exchange, this.currencySettings, this.clock);
		this.payouts = newPayouts();
		this.payIns = newPayIns();
		this.balances = newBalances();
	}

	/**
	 * Set how the balance inquiry is called; by default
	 * {@link BalanceSettings#defaults()}.
	 * @param settings the balance settings
	 */
	public void setBalanceSettings(BalanceSettings settings) {
		this.balanceSettings = settings;
		this.balances = newBalances();
	}

	@Override
	public PayoutOperations payouts() {
		return this.payouts;
	}

	@Override
	public PayInOperations payIns() {
		return this.payIns;
	}

	@Override
	public List<Currency> currencies() {
		return this.currencies.list();
	}

	@Override
	public List<Currency> refreshCurrencies() {
		return this.currencies.refresh();
	}

	@Override
	public Balance balance(Chain chain, String currency) {
		return this.balances.get(chain, currency);
	}

	private PayoutOperations newPayouts() {
		return new PayoutTemplate(this.exchange, this.payoutSettings, this.currencies);
	}

	private PayInOperations newPayIns() {
		return new PayInTemplate(this.exchange, this.payInSettings, this.currencies, this.baseUrl, this.clock);
	}

	private BalanceInquiry newBalances() {
		return new BalanceInquiry(this.exchange, this.balanceSettings, this.currencies);
	}

}
