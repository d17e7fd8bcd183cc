package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.bigInteger;
import static me.tokenpay.spring.client.operation.LenientFields.epochMillis;
import static me.tokenpay.spring.client.operation.LenientFields.intValue;
import static me.tokenpay.spring.client.operation.LenientFields.longValue;
import static me.tokenpay.spring.client.operation.LenientFields.text;

/**
 * Decodes the {@code data} of a payout answer into a {@link Payout}. An absent,
 * {@code null}, empty object or empty array {@code data} is a payout without detail; any
 * other non-object is a {@link TokenPayUnexpectedResponseException}.
 *
 * @author TokenPay Spring Boot team
 */
final class PayoutDecoder implements DataDecoder<Payout> {

	@Override
	public Payout decode(ResponseEnvelope envelope) {
		JsonNode data = envelope.data();
		if (data == null || data.isNull() || (data.isContainer() && data.isEmpty())) {
			return Payout.withoutDetail(null);
		}
		if (!data.isObject()) {
			throw new TokenPayUnexpectedResponseException("'data' is not a payout object", envelope.httpStatus(),
					envelope.requestId());
		}
		return decode(data);
	}

	static Payout decode(JsonNode data) {
		JsonNode currency = data.get("currency");
		Integer decimals = intValue(data, "decimals");
		if (decimals == null && currency != null && currency.isObject()) {
			decimals = intValue(currency, "decimal");
		}
		return new Payout(text(data, "out_trade_no"), text(data, "transaction_id"), tradeState(data),
				intValue(data, "status"), intValue(data, "notify_status"), bigInteger(data, "amount"), decimals,
				chain(data), currencyCode(currency), text(data, "to_address"), text(data, "from_address"),
				text(data, "tx_id"), longValue(data, "block_no"), text(data, "description"), text(data, "attach"),
				text(data, "notify_url"), epochMillis(data, "create_time"), epochMillis(data, "pay_time"),
				epochMillis(data, "close_time"), bigInteger(data, "service_amount"),
				text(data, "service_amount_currency"), data.toString());
	}

	private static @Nullable TradeState tradeState(JsonNode data) {
		String state = text(data, "trade_state");
		return (state != null) ? TradeState.of(state) : null;
	}

	private static @Nullable Chain chain(JsonNode data) {
		String chain = text(data, "chain");
		if (chain == null || chain.isBlank() || chain.length() > 32
				|| chain.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return null;
		}
		return Chain.of(chain);
	}

	private static @Nullable String currencyCode(@Nullable JsonNode currency) {
		if (currency == null) {
			return null;
		}
		if (currency.isString()) {
			return currency.stringValue();
		}
		return currency.isObject() ? text(currency, "currency") : null;
	}

}
