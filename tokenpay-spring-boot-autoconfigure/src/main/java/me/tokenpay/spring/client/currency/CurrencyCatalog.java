package me.tokenpay.spring.client.currency;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import org.jspecify.annotations.Nullable;

/**
 * The currency list, fetched through a {@link TokenPayExchange} and kept for the
 * settings' time to live. Concurrent callers of an expired list wait for one call rather
 * than each making their own. The decimals of the last list fetched are what
 * {@link #knownDecimals(Chain, String)} tells, with no call.
 *
 * @author TokenPay Spring Boot team
 */
public final class CurrencyCatalog implements CurrencyDecimals {

	/**
	 * The currency list: an unsigned, safe {@code GET}.
	 */
	public static final OperationDescriptor<List<Currency>> LIST_CURRENCIES = OperationDescriptor
		.unsignedGet("list-currencies", "/v1/currency/index", new CurrencyListDecoder());

	private static final OperationRequest NO_PARAMETERS = OperationRequest.about(null).build();

	private final TokenPayExchange exchange;

	private final long ttlNanos;

	private final Clock clock;

	private final ReentrantLock fetching = new ReentrantLock();

	private volatile @Nullable Snapshot snapshot;

	/**
	 * Create a catalog.
	 * @param exchange the exchange that runs the calls
	 * @param settings the currency settings
	 */
	public CurrencyCatalog(TokenPayExchange exchange, CurrencySettings settings) {
		this(exchange, settings, Clock.systemUTC());
	}

	/**
	 * Create a catalog whose list ages by a clock.
	 * @param exchange the exchange that runs the calls
	 * @param settings the currency settings
	 * @param clock the clock by which the cached list ages
	 */
	public CurrencyCatalog(TokenPayExchange exchange, CurrencySettings settings, Clock clock) {
		this.clock = clock;
		this.exchange = exchange;
		this.ttlNanos = settings.cacheTtl().toNanos();
	}

	/**
	 * Return the currency list: the cached one while it is fresh, otherwise a new one
	 * from the gateway.
	 * @return the currencies
	 * @throws me.tokenpay.spring.client.error.TokenPayException if the list was fetched
	 * and the call failed
	 */
	public List<Currency> list() {
		Snapshot current = this.snapshot;
		if (current != null && current.isFresh(now(), this.ttlNanos)) {
			return current.currencies();
		}
		this.fetching.lock();
		try {
			current = this.snapshot;
			if (current != null && current.isFresh(now(), this.ttlNanos)) {
				return current.currencies();
			}
			return fetch();
		}
		finally {
			this.fetching.unlock();
		}
	}

	/**
	 * Fetch the currency list from the gateway now, whatever the cache holds, and cache
	 * it.
	 * @return the currencies
	 * @throws me.tokenpay.spring.client.error.TokenPayException if the call failed; the
	 * cached list, if any, stays
	 */
	public List<Currency> refresh() {
		this.fetching.lock();
		try {
			return fetch();
		}
		finally {
			this.fetching.unlock();
		}
	}

	@Override
	public @Nullable Integer knownDecimals(Chain chain, String currency) {
		Snapshot current = this.snapshot;
		return (current != null) ? current.decimals(chain, currency) : null;
	}

	@Override
	public @Nullable Integer decimals(Chain chain, String currency) {
		Snapshot current = this.snapshot;
		if (current != null && current.isFresh(now(), this.ttlNanos)) {
			return current.decimals(chain, currency);
		}
		list();
		return knownDecimals(chain, currency);
	}

	private List<Currency> fetch() {
		List<Currency> currencies = this.exchange.call(LIST_CURRENCIES, NO_PARAMETERS);
		this.snapshot = new Snapshot(currencies, now());
		return currencies;
	}

	private long now() {
		return TimeUnit.MILLISECONDS.toNanos(this.clock.millis());
	}

	/**
	 * A fetched list and when it was fetched.
	 */
	private record Snapshot(List<Currency> currencies, long fetchedAt) {

		boolean isFresh(long now, long ttlNanos) {
			return now - this.fetchedAt < ttlNanos;
		}

		@Nullable Integer decimals(Chain chain, String currency) {
			for (Currency candidate : this.currencies) {
				if (candidate.is(chain, currency)) {
					return candidate.decimal();
				}
			}
			return null;
		}

	}

}
