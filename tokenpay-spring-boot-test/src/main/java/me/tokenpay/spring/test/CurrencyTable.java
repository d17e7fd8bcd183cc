package me.tokenpay.spring.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The currencies {@link MockTokenPayServer} pays out, with their decimals: by default
 * TRON/TRX 6, TRON/USDT 6, ETHEREUM/ETH 18, ETHEREUM/USDT 6, BSC/BNB 18 and BSC/USDT 18.
 *
 * @author TokenPay Spring Boot team
 */
final class CurrencyTable {

	private static final Map<String, Integer> DEFAULTS = Map.of(key("TRON", "TRX"), 6, key("TRON", "USDT"), 6,
			key("ETHEREUM", "ETH"), 18, key("ETHEREUM", "USDT"), 6, key("BSC", "BNB"), 18, key("BSC", "USDT"), 18);

	private final Map<String, Integer> decimals = new ConcurrentHashMap<>(DEFAULTS);

	void seed(String chain, String currency, int decimals) {
		this.decimals.put(key(chain, currency), decimals);
	}

	@Nullable Integer decimals(String chain, String currency) {
		return this.decimals.get(key(chain, currency));
	}

	void reset() {
		this.decimals.clear();
		this.decimals.putAll(DEFAULTS);
	}

	static String key(String chain, String currency) {
		return chain + "/" + currency;
	}

}
