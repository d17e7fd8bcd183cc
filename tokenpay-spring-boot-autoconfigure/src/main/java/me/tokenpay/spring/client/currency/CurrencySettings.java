package me.tokenpay.spring.client.currency;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the currency list is cached.
 *
 * @param cacheTtl how long a fetched list is served without calling again; zero to call
 * every time
 * @author TokenPay Spring Boot team
 */
public record CurrencySettings(Duration cacheTtl) {

	/**
	 * Check the settings.
	 * @param cacheTtl how long a fetched list is served
	 * @throws IllegalArgumentException if the time to live is negative
	 */
	public CurrencySettings {
		Assert.isTrue(!cacheTtl.isNegative(), "Cache time to live must not be negative");
	}

	/**
	 * Return the defaults: cached for 10 minutes.
	 * @return the default settings
	 */
	public static CurrencySettings defaults() {
		return new CurrencySettings(Duration.ofMinutes(10));
	}

	/**
	 * Return a copy with another {@code cacheTtl}.
	 * @param cacheTtl how long the list is cached
	 * @return the copy
	 */
	public CurrencySettings withCacheTtl(Duration cacheTtl) {
		return new CurrencySettings(cacheTtl);
	}

}
