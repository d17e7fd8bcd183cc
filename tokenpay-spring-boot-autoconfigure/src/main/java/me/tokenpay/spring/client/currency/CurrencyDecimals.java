package me.tokenpay.spring.client.currency;

import me.tokenpay.spring.client.Chain;
import org.jspecify.annotations.Nullable;

/**
 * Tells how many decimals a currency has, when that is known without a call, so that
 * amounts with too many decimal places are refused before anything is sent.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface CurrencyDecimals {

	/**
	 * Decimals never known: amounts are checked against the most any currency has.
	 */
	CurrencyDecimals UNKNOWN = (chain, currency) -> null;

	/**
	 * Return the decimals of a currency, if known.
	 * @param chain the chain
	 * @param currency the currency code, such as {@code USDT}
	 * @return its decimals, {@code null} when unknown
	 */
	@Nullable Integer knownDecimals(Chain chain, String currency);

	/**
	 * Return the decimals of a currency, calling the gateway if that is how they become
	 * known. By default the same as {@link #knownDecimals(Chain, String)}.
	 * @param chain the chain
	 * @param currency the currency code, such as {@code USDT}
	 * @return its decimals, {@code null} when the gateway does not list the currency
	 * @throws me.tokenpay.spring.client.error.TokenPayException if the call failed
	 */
	default @Nullable Integer decimals(Chain chain, String currency) {
		return knownDecimals(chain, currency);
	}

}
