package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.currency.BalanceInquiry;
import me.tokenpay.spring.client.currency.CurrencyCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the currency list (unsigned) and the balance inquiry ({@code POST} with a JSON
 * body or {@code GET} with a query string) of {@link MockTokenPayServer}. The balance is
 * the merchant's balance in the payout store, in minor units as a string with the
 * currency's {@code decimal}, as TokenPay's example shows.
 *
 * @author TokenPay Spring Boot team
 */
final class CurrencyHandlers {

	private final CurrencyTable currencies;

	private final PayoutStore balances;

	CurrencyHandlers(CurrencyTable currencies, PayoutStore balances) {
		this.currencies = currencies;
		this.balances = balances;
	}

	/**
	 * Return the handlers of the currency list and the balance inquiry, by operation
	 * name.
	 * @return the handlers
	 */
	Map<String, MockOperationHandler> handlers() {
		return Map.of(CurrencyCatalog.LIST_CURRENCIES.name(), (call) -> new MockAnswer(list()),
				BalanceInquiry.GET_BALANCE.name(), (call) -> new MockAnswer(
						balance(call.credentials(), call.method(), call.body(), call.query(), call.now())));
	}

	Answer list() {
		return Answer.envelope(0, "success", this.currencies.list(), "listed currencies");
	}

	Answer balance(TokenPayCredentials caller, String method, byte[] body, Map<String, String> query, Instant now) {
		String chain;
		String currency;
		if ("GET".equals(method)) {
			chain = query.get("chain");
			currency = query.get("currency");
		}
		else {
			JsonNode request = RequestBodies.merchantBody(body, caller);
			chain = RequestBodies.optionalText(request, "chain", 32);
			currency = RequestBodies.optionalText(request, "currency", 32);
		}
		if (chain == null || chain.isEmpty() || currency == null || currency.isEmpty()) {
			throw new Rejection(11003, "Miss required parameter: " + ((chain == null) ? "chain" : "currency"));
		}
		Integer decimals = this.currencies.decimals(chain, currency);
		if (decimals == null) {
			throw new Rejection(20005, "Invalid parameter: unsupported currency " + currency + " on " + chain);
		}
		BigDecimal balance = this.balances.balance(chain, currency);
		ObjectNode data = Answer.JSON.createObjectNode()
			.put("merchant_id", 167)
			.put("mch_id", caller.mchId())
			.put("network", this.currencies.network(chain, currency))
			.put("chain", chain)
			.put("balance", CurrencyTable.minorUnits(balance, decimals).toString())
			.put("currency", currency)
			.put("decimal", decimals)
			.put("create_time", now.toEpochMilli())
			.put("modify_time", now.toEpochMilli())
			.put("cash_time", 0);
		return Answer.envelope(0, "success", data, "balance of " + currency + " on " + chain);
	}

}
