package me.tokenpay.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.verification.TokenPayVerification;
import me.tokenpay.spring.client.verification.TokenPayVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * The verifications of every merchant's configuration, each probed at most once per
 * {@code tokenpay.health.cache-ttl}: the health indicator and the actuator endpoint read
 * them, the start-up check runs them. A probe is one rate-limited request, sent without
 * retries, so the cache bounds the share of the rate budget verifications take.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayVerifications {

	private final TokenPayMerchants merchants;

	private final TokenPayVerifier verifier;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<String, TokenPayVerification> last = new ConcurrentHashMap<>();

	private final Map<String, TokenPayOperations> probes = new ConcurrentHashMap<>();

	/**
	 * Create the verifications.
	 * @param merchants the merchants
	 * @param verifier the verifier
	 * @param clock the clock that ages verifications
	 * @param cacheTtl how long a verification is reused
	 */
	public TokenPayVerifications(TokenPayMerchants merchants, TokenPayVerifier verifier, Clock clock,
			Duration cacheTtl) {
		this.merchants = merchants;
		this.verifier = verifier;
		this.clock = clock;
		this.cacheTtl = cacheTtl;
	}

	/**
	 * Return the names of the merchants.
	 * @return the names
	 */
	public List<String> names() {
		return new ArrayList<>(this.merchants.names());
	}

	/**
	 * Return a merchant's verification, probing the gateway when the last one is older
	 * than the cache's time to live. Concurrent callers for one merchant share one probe.
	 * @param name the merchant's name
	 * @return the verification
	 * @throws IllegalArgumentException if there is no such merchant
	 */
	public TokenPayVerification current(String name) {
		TokenPayVerification cached = this.last.get(name);
		if (cached != null && isFresh(cached)) {
			return cached;
		}
		synchronized (probeLock(name)) {
			TokenPayVerification again = this.last.get(name);
			if (again != null && isFresh(again)) {
				return again;
			}
			return verify(name);
		}
	}

	/**
	 * Probe a merchant's configuration now.
	 * @param name the merchant's name
	 * @return the verification
	 * @throws IllegalArgumentException if there is no such merchant
	 */
	public TokenPayVerification verify(String name) {
		TokenPayMerchant merchant = this.merchants.merchant(name);
		if (merchant == null) {
			throw new IllegalArgumentException("No TokenPay merchant named '" + name + "'");
		}
		TokenPayVerification verification = this.verifier.verify(merchant, probe(name));
		this.last.put(name, verification);
		return verification;
	}

	/**
	 * Return a merchant's last verification without probing.
	 * @param name the merchant's name
	 * @return the verification, {@code null} if none was made
	 */
	public @Nullable TokenPayVerification last(String name) {
		return this.last.get(name);
	}

	private boolean isFresh(TokenPayVerification verification) {
		return verification.checkedAt().plus(this.cacheTtl).isAfter(this.clock.instant());
	}

	private Object probeLock(String name) {
		return this.probes.computeIfAbsent(name, this::withoutRetries);
	}

	private TokenPayOperations probe(String name) {
		return this.probes.computeIfAbsent(name, this::withoutRetries);
	}

	private TokenPayOperations withoutRetries(String name) {
		TokenPayOperations operations = this.merchants.get(name);
		return (operations instanceof TokenPayTemplate template)
				? template.mutate().retryPolicy(RetryPolicy.withMaxRetries(0)).build() : operations;
	}

}
