package me.tokenpay.spring.client.payout;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.OrderQuery;
import me.tokenpay.spring.client.operation.OrderRequestBuilder;
import me.tokenpay.spring.client.operation.RequestChecks;
import org.jspecify.annotations.Nullable;

/**
 * A payout to create. Checked when built, before anything is sent: each problem is a
 * {@link TokenPayInvalidRequestException} naming the field.
 * <p>
 * The gateway knows no idempotency key; {@code outTradeNo} plays that part. It is always
 * sent: when none is given, the client generates one (32 lowercase hex characters) and
 * the resulting {@link Payout} carries it. Repeating a create with the same
 * {@code outTradeNo} never pays twice: the gateway refuses the repeat and the client
 * returns the existing payout instead.
 *
 * @param amount the amount in major units, positive, at most 18 decimal places; sent as a
 * JSON string without exponent, such as {@code "12.5"}
 * @param chain the chain, such as {@link Chain#TRON}
 * @param currency the currency, such as {@code USDT}, at most 32 characters
 * @param toAddress the receiving address, at most 128 characters
 * @param outTradeNo the merchant's unique order number, at most 64 characters without
 * whitespace; {@code null} to have one generated
 * @param description a description, at most 256 characters
 * @param attach data echoed back when the payout completes, at most 256 characters
 * @param notifyUrl the absolute http(s) URL TokenPay notifies when the payout completes,
 * at most 512 characters
 * @author TokenPay Spring Boot team
 */
public record CreatePayoutRequest(BigDecimal amount, Chain chain, String currency, String toAddress,
		@Nullable String outTradeNo, @Nullable String description, @Nullable String attach,
		@Nullable String notifyUrl) {

	/**
	 * The most decimal places an amount may have: the most any currency TokenPay lists
	 * has.
	 */
	public static final int MAX_DECIMALS = RequestChecks.MAX_ORDER_DECIMALS;

	/**
	 * The longest {@code outTradeNo} the gateway accepts.
	 */
	public static final int MAX_OUT_TRADE_NO_LENGTH = OrderQuery.MAX_OUT_TRADE_NO_LENGTH;

	/**
	 * The longest description accepted.
	 */
	public static final int MAX_DESCRIPTION_LENGTH = 256;

	/**
	 * Check the request.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @param toAddress the receiving address
	 * @param outTradeNo the merchant's order number, {@code null} to have one generated
	 * @param description a description
	 * @param attach data echoed back
	 * @param notifyUrl the notification URL
	 * @throws TokenPayInvalidRequestException if a field is unusable
	 */
	public CreatePayoutRequest {
		amount = RequestChecks.order(amount, chain, currency, outTradeNo);
		RequestChecks.token("toAddress", toAddress, 128);
		RequestChecks.optionalText("description", description, MAX_DESCRIPTION_LENGTH);
		RequestChecks.optionalText("attach", attach, 256);
		RequestChecks.optionalUrl("notifyUrl", notifyUrl, 512);
	}

	/**
	 * Start a request for an amount.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @param toAddress the receiving address
	 * @return a builder
	 */
	public static Builder builder(BigDecimal amount, Chain chain, String currency, String toAddress) {
		return new Builder(amount, chain, currency, toAddress);
	}

	/**
	 * Builds a {@link CreatePayoutRequest}.
	 */
	public static final class Builder extends OrderRequestBuilder<Builder> {

		private final String toAddress;

		private Builder(BigDecimal amount, Chain chain, String currency, String toAddress) {
			super(amount, chain, currency);
			this.toAddress = toAddress;
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws TokenPayInvalidRequestException if a field is unusable
		 */
		public CreatePayoutRequest build() {
			return new CreatePayoutRequest(this.amount, this.chain, this.currency, this.toAddress, this.outTradeNo,
					this.description, this.attach, this.notifyUrl);
		}

	}

}
