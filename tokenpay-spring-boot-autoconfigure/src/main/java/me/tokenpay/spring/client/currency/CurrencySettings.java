package me.tokenpay.spring.client.currency;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the currency list is called and cached.
 *
 * @param path the path of the currency list
 * @param cacheTtl how long a fetched list is served without calling again; zero to call
 * every time
 * @author TokenPay Spring Boot team
 */
public record CurrencySettings(String path, Duration cacheTtl) {

	/**
	 * Path of the currency list in TokenPay's pages.
	 */
	public static final String DEFAULT_PATH = "/v1/currency/index";

	/**
	 * Check the settings.
	 * @param path the path of the currency list
	 * @param cacheTtl how long a fetched list is served
	 * @throws IllegalArgumentException if the time to live is negative
	 */
	public CurrencySettings {
		Assert.isTrue(!cacheTtl.isNegative(), "Cache time to live must not be negative");
	}

	/**
	 * Return the defaults: TokenPay's documented path, cached for 10 minutes.
	 * @return the default settings
	 */
	public static CurrencySettings defaults() {
		return new CurrencySettings(DEFAULT_PATH, Duration.ofMinutes(10));
	}

	/**
	 * Return a copy with another {@code path}.
	 * @param path the path of the currency list
	 * @return the copy
	 */
	public CurrencySettings withPath(String path) {
		return new CurrencySettings(path, this.cacheTtl);
	}

	/**
	 * Return a copy with another {@code cacheTtl}.
	 * @param cacheTtl how long the list is cached
	 * @return the copy
	 */
	public CurrencySettings withCacheTtl(Duration cacheTtl) {
		return new CurrencySettings(this.path, cacheTtl);
	}

}
