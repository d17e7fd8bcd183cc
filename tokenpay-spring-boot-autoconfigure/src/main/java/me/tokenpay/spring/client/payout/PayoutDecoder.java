package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.boundChain;
import static me.tokenpay.spring.client.operation.LenientFields.boundText;
import static me.tokenpay.spring.client.operation.LenientFields.detailCurrency;
import static me.tokenpay.spring.client.operation.LenientFields.detailDecimals;
import static me.tokenpay.spring.client.operation.LenientFields.epochMillis;
import static me.tokenpay.spring.client.operation.LenientFields.intValue;
import static me.tokenpay.spring.client.operation.LenientFields.longValue;
import static me.tokenpay.spring.client.operation.LenientFields.minorAmount;
import static me.tokenpay.spring.client.operation.LenientFields.text;
import static me.tokenpay.spring.client.operation.LenientFields.tradeState;

/**
 * Decodes the {@code data} of a payout answer into a {@link Payout}. An absent,
 * {@code null}, empty object or empty array {@code data} is a payout without detail; any
 * other non-object is a {@link TokenPayUnexpectedResponseException}.
 *
 * @author TokenPay Spring Boot team
 */
public final class PayoutDecoder implements DataDecoder<Payout> {

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

	/**
	 * Decode a detail object, from an answer or a decrypted notification.
	 * @param data the object
	 * @return the payout
	 */
	public static Payout decode(JsonNode data) {
		return new Payout(boundText(data, "out_trade_no"), boundText(data, "transaction_id"), tradeState(data),
				intValue(data, "status"), intValue(data, "notify_status"), minorAmount(data, "amount", true),
				detailDecimals(data), boundChain(data, "chain"), detailCurrency(data), boundText(data, "to_address"),
				text(data, "from_address"), text(data, "tx_id"), longValue(data, "block_no"), text(data, "description"),
				text(data, "attach"), text(data, "notify_url"), epochMillis(data, "create_time"),
				epochMillis(data, "pay_time"), epochMillis(data, "close_time"),
				minorAmount(data, "service_amount", false), text(data, "service_amount_currency"), data.toString());
	}

}
