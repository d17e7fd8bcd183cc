package me.tokenpay.spring.client.payin;

import java.time.Instant;

import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.epochMillis;
import static me.tokenpay.spring.client.operation.LenientFields.text;

/**
 * The gateway's answer to Create Pay-in order, as sent: the client turns it into a
 * {@link PayInOrder}, resolving a relative payment URL against the base URL.
 *
 * @param prepayId the prepayment id, valid as long as the order
 * @param paymentUrl the cashier page as sent, possibly relative
 * @param expireTime when the order expires, when the answer says so
 * @author TokenPay Spring Boot team
 */
public record Prepayment(@Nullable String prepayId, @Nullable String paymentUrl, @Nullable Instant expireTime) {

	/**
	 * Decodes the {@code data} of the answer leniently: a missing or non-object
	 * {@code data} is an answer without prepayment details.
	 */
	static final DataDecoder<Prepayment> DECODER = Prepayment::decode;

	private static Prepayment decode(ResponseEnvelope envelope) {
		JsonNode data = envelope.data();
		if (data == null || !data.isObject()) {
			return new Prepayment(null, null, null);
		}
		return new Prepayment(text(data, "prepay_id"), text(data, "payment_url"), epochMillis(data, "expire_time"));
	}

}
