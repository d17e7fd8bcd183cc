package me.tokenpay.spring.client.currency;

import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.bigInteger;
import static me.tokenpay.spring.client.operation.LenientFields.chain;
import static me.tokenpay.spring.client.operation.LenientFields.decimal;
import static me.tokenpay.spring.client.operation.LenientFields.decimals;
import static me.tokenpay.spring.client.operation.LenientFields.flag;
import static me.tokenpay.spring.client.operation.LenientFields.text;

/**
 * Decodes the {@code data} array of the currency list. An absent or {@code null}
 * {@code data} is an empty list; entries that are no object or lack a chain or currency
 * code are skipped; a {@code data} of another type is a
 * {@link TokenPayUnexpectedResponseException}.
 *
 * @author TokenPay Spring Boot team
 */
final class CurrencyListDecoder implements DataDecoder<List<Currency>> {

	@Override
	public List<Currency> decode(ResponseEnvelope envelope) {
		JsonNode data = envelope.data();
		if (data == null || data.isNull()) {
			return List.of();
		}
		if (!data.isArray()) {
			throw new TokenPayUnexpectedResponseException("'data' is not a currency array", envelope.httpStatus(),
					envelope.requestId());
		}
		List<Currency> currencies = new ArrayList<>();
		for (JsonNode entry : data) {
			if (entry.isObject()) {
				Chain chain = chain(entry, "chain");
				String currency = text(entry, "currency");
				if (chain != null && currency != null && !currency.isBlank()) {
					currencies.add(new Currency(chain, currency, text(entry, "code"), text(entry, "network"),
							text(entry, "name"), text(entry, "logo"), text(entry, "contract_address"),
							entryDecimals(entry), flag(entry, "is_fiat"), flag(entry, "payment_qr_code"),
							flag(entry, "payment_connect_wallet"), flag(entry, "payment_tron_link"),
							decimal(entry, "min_payment_amount"), decimal(entry, "max_payment_amount"),
							entry.toString()));
				}
			}
		}
		return List.copyOf(currencies);
	}

	/**
	 * The decimals of an entry: an unreadable value is absent, as for the list's other
	 * fields, but a number out of range makes the answer invalid.
	 */
	private static @Nullable Integer entryDecimals(JsonNode entry) {
		return (bigInteger(entry, "decimal") != null) ? decimals(entry, "decimal") : null;
	}

}
