package me.tokenpay.spring.client.currency;

import me.tokenpay.spring.client.operation.QueryMethod;

import org.springframework.util.Assert;

/**
 * How the balance inquiry is called, where TokenPay's documents disagree.
 *
 * @param path the path of the balance inquiry
 * @param method how it sends the chain and currency: a signed {@code POST} body or a
 * signed {@code GET} query string
 * @author TokenPay Spring Boot team
 */
public record BalanceSettings(String path, QueryMethod method) {

	/**
	 * Path of the balance inquiry in TokenPay's pages.
	 */
	public static final String DEFAULT_PATH = "/v1/merchant/balance";

	/**
	 * Check the settings.
	 * @param path the path of the balance inquiry
	 * @param method how it sends its parameters
	 */
	public BalanceSettings {
		Assert.notNull(method, "Method must not be null");
	}

	/**
	 * Return the defaults: TokenPay's documented path, a signed {@code POST} as its
	 * page's heading says (its example uses {@code GET}).
	 * @return the default settings
	 */
	public static BalanceSettings defaults() {
		return new BalanceSettings(DEFAULT_PATH, QueryMethod.POST);
	}

	/**
	 * Return a copy with another {@code path}.
	 * @param path the path of the balance inquiry
	 * @return the copy
	 */
	public BalanceSettings withPath(String path) {
		return new BalanceSettings(path, this.method);
	}

	/**
	 * Return a copy with another {@code method}.
	 * @param method how the inquiry sends chain and currency
	 * @return the copy
	 */
	public BalanceSettings withMethod(QueryMethod method) {
		return new BalanceSettings(this.path, method);
	}

}
