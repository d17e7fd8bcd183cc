package me.tokenpay.spring.client.payin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.AnswerSubject;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.boundChain;
import static me.tokenpay.spring.client.operation.LenientFields.boundText;
import static me.tokenpay.spring.client.operation.LenientFields.detailCurrency;
import static me.tokenpay.spring.client.operation.LenientFields.detailDecimals;
import static me.tokenpay.spring.client.operation.LenientFields.epochMillis;
import static me.tokenpay.spring.client.operation.LenientFields.minorAmount;
import static me.tokenpay.spring.client.operation.LenientFields.text;

/**
 * The gateway's answer to Create Pay-in order, as sent: the client turns it into a
 * {@link PayInOrder}, resolving a relative payment URL against the base URL. TokenPay
 * documents only the prepayment id and payment URL; the order fields an answer may echo
 * besides are kept to check the answer against the request.
 *
 * @param prepayId the prepayment id, valid as long as the order
 * @param paymentUrl the cashier page as sent, possibly relative
 * @param expireTime when the order expires, when the answer says so
 * @param outTradeNo the order number, when the answer echoes it
 * @param amount the amount in major units, when the answer echoes it in minor units with
 * its decimals (an amount without decimals is in units the answer does not say, and is
 * ignored)
 * @param chain the chain, when the answer echoes it
 * @param currency the currency, when the answer echoes it
 * @author TokenPay Spring Boot team
 */
public record Prepayment(@Nullable String prepayId, @Nullable String paymentUrl, @Nullable Instant expireTime,
		@Nullable String outTradeNo, @Nullable BigDecimal amount, @Nullable Chain chain,
		@Nullable String currency) implements AnswerSubject {

	/**
	 * Decodes the {@code data} of the answer leniently: a missing or non-object
	 * {@code data} is an answer without prepayment details.
	 */
	static final DataDecoder<Prepayment> DECODER = Prepayment::decode;

	/**
	 * Create a prepayment that echoes no order fields.
	 * @param prepayId the prepayment id
	 * @param paymentUrl the cashier page as sent
	 * @param expireTime when the order expires
	 */
	public Prepayment(@Nullable String prepayId, @Nullable String paymentUrl, @Nullable Instant expireTime) {
		this(prepayId, paymentUrl, expireTime, null, null, null, null);
	}

	private static Prepayment decode(ResponseEnvelope envelope) {
		JsonNode data = envelope.data();
		if (data == null || !data.isObject()) {
			return new Prepayment(null, null, null);
		}
		Integer decimals = detailDecimals(data);
		BigInteger minorAmount = (decimals != null) ? minorAmount(data, "amount", true) : null;
		return new Prepayment(text(data, "prepay_id"), text(data, "payment_url"), epochMillis(data, "expire_time"),
				boundText(data, "out_trade_no"),
				(minorAmount != null && decimals != null) ? new BigDecimal(minorAmount, decimals) : null,
				boundChain(data, "chain"), detailCurrency(data));
	}

	/**
	 * Return what the answer echoed of a field of the request.
	 * @param field the field
	 * @return the value, {@code null} if the answer did not say
	 */
	@Override
	public @Nullable Object answered(AnswerField field) {
		return switch (field) {
			case OUT_TRADE_NO -> this.outTradeNo;
			case AMOUNT -> this.amount;
			case CHAIN -> this.chain;
			case CURRENCY -> this.currency;
			case TRANSACTION_ID, TO_ADDRESS, WALLET_ADDRESS -> null;
		};
	}

}
