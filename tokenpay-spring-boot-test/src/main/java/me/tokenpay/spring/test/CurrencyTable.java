package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The currencies {@link MockTokenPayServer} supports, in the order they were added, with
 * their decimals and token standard: by default TRON/TRX 6 (TRX), TRON/USDT 6 (TRC20),
 * ETHEREUM/ETH 18 (ETH), ETHEREUM/USDT 6 (ERC20), BSC/BNB 18 (BNB) and BSC/USDT 18
 * (BEP20).
 *
 * @author TokenPay Spring Boot team
 */
final class CurrencyTable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Entry> DEFAULTS = List.of(new Entry("TRON", "TRX", 6, "TRX"),
			new Entry("TRON", "USDT", 6, "TRC20"), new Entry("ETHEREUM", "ETH", 18, "ETH"),
			new Entry("ETHEREUM", "USDT", 6, "ERC20"), new Entry("BSC", "BNB", 18, "BNB"),
			new Entry("BSC", "USDT", 18, "BEP20"));

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	CurrencyTable() {
		reset();
	}

	synchronized void seed(String chain, String currency, int decimals) {
		Entry existing = this.entries.get(key(chain, currency));
		String network = (existing != null) ? existing.network() : chain + "-" + currency;
		this.entries.put(key(chain, currency), new Entry(chain, currency, decimals, network));
	}

	/**
	 * Return the decimals of a currency an order is created in, refusing an unknown
	 * currency and an amount with more decimal places than it has, as the gateway does.
	 * @param chain the chain
	 * @param currency the currency
	 * @param amount the order's amount in major units
	 * @return the decimals
	 * @throws Rejection 20005 for an unknown currency or too many decimals
	 */
	int orderDecimals(String chain, String currency, BigDecimal amount) {
		Integer decimals = decimals(chain, currency);
		if (decimals == null) {
			throw new Rejection(20005, "Invalid parameter: unsupported currency " + currency + " on " + chain);
		}
		if (amount.stripTrailingZeros().scale() > decimals) {
			throw new Rejection(20005, "Invalid parameter: amount has more than " + decimals + " decimals");
		}
		return decimals;
	}

	synchronized @Nullable Integer decimals(String chain, String currency) {
		Entry entry = this.entries.get(key(chain, currency));
		return (entry != null) ? entry.decimals() : null;
	}

	synchronized @Nullable String network(String chain, String currency) {
		Entry entry = this.entries.get(key(chain, currency));
		return (entry != null) ? entry.network() : null;
	}

	/**
	 * Describe every currency as the currency list's {@code data} does, with the payment
	 * amount limits as strings, as TokenPay's example sends them.
	 * @return the list
	 */
	synchronized ArrayNode list() {
		ArrayNode list = JSON.createArrayNode();
		for (Entry entry : new ArrayList<>(this.entries.values())) {
			list.add(JSON.createObjectNode()
				.put("network", entry.network())
				.put("chain", entry.chain())
				.put("code", entry.chain() + "_" + entry.currency())
				.put("currency", entry.currency())
				.put("name", entry.currency())
				.put("logo", "https://static.tokenpay.example/" + entry.currency().toLowerCase() + ".png")
				.put("contract_address", "")
				.put("decimal", entry.decimals())
				.put("is_fiat", 0)
				.put("payment_qr_code", 1)
				.put("payment_connect_wallet", 1)
				.put("payment_tron_link", "TRON".equals(entry.chain()) ? 1 : 0)
				.put("min_payment_amount", "0")
				.put("max_payment_amount", "0"));
		}
		return list;
	}

	/**
	 * Describe a currency as the {@code currency} object of a transaction detail does.
	 * @param chain the chain
	 * @param currency the currency
	 * @param decimals its decimals
	 * @return the object
	 */
	static ObjectNode detailObject(String chain, String currency, int decimals) {
		return JSON.createObjectNode()
			.put("type", currency)
			.put("chain", chain)
			.put("code", chain + "_" + currency)
			.put("currency", currency)
			.put("name", currency)
			.put("sub_name", chain)
			.put("logo", "")
			.put("contract_address", "")
			.put("decimal", decimals);
	}

	/**
	 * Return the decimals to describe an amount of a currency with: its own, or the
	 * amount's scale for a currency no longer listed.
	 * @param chain the chain
	 * @param currency the currency
	 * @param amount the amount in major units
	 * @return the decimals
	 */
	int decimalsOf(String chain, String currency, BigDecimal amount) {
		Integer known = decimals(chain, currency);
		return (known != null) ? known : Math.max(amount.scale(), 0);
	}

	static BigInteger minorUnits(BigDecimal amount, int decimals) {
		return amount.movePointRight(decimals).toBigInteger();
	}

	synchronized void reset() {
		this.entries.clear();
		DEFAULTS.forEach((entry) -> this.entries.put(key(entry.chain(), entry.currency()), entry));
	}

	static String key(String chain, String currency) {
		return chain + "/" + currency;
	}

	private record Entry(String chain, String currency, int decimals, String network) {

	}

}
