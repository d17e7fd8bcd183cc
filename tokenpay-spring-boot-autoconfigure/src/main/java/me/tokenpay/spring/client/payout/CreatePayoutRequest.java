package me.tokenpay.spring.client.payout;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.OrderQuery;
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
	public static final int MAX_DECIMALS = 18;

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
		amount = RequestChecks.amount("amount", amount, MAX_DECIMALS);
		if (chain == null) {
			throw new TokenPayInvalidRequestException("chain", "chain must not be null");
		}
		RequestChecks.token("currency", currency, 32);
		RequestChecks.token("toAddress", toAddress, 128);
		if (outTradeNo != null) {
			RequestChecks.token("outTradeNo", outTradeNo, MAX_OUT_TRADE_NO_LENGTH);
		}
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
	public static final class Builder {

		private final BigDecimal amount;

		private final Chain chain;

		private final String currency;

		private final String toAddress;

		private @Nullable String outTradeNo;

		private @Nullable String description;

		private @Nullable String attach;

		private @Nullable String notifyUrl;

		private Builder(BigDecimal amount, Chain chain, String currency, String toAddress) {
			this.amount = amount;
			this.chain = chain;
			this.currency = currency;
			this.toAddress = toAddress;
		}

		/**
		 * Set the merchant's unique order number; by default one is generated.
		 * @param outTradeNo the order number
		 * @return this builder
		 */
		public Builder outTradeNo(@Nullable String outTradeNo) {
			this.outTradeNo = outTradeNo;
			return this;
		}

		/**
		 * Set the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set data echoed back when the payout completes.
		 * @param attach the data
		 * @return this builder
		 */
		public Builder attach(@Nullable String attach) {
			this.attach = attach;
			return this;
		}

		/**
		 * Set the URL TokenPay notifies when the payout completes.
		 * @param notifyUrl an absolute http(s) URL
		 * @return this builder
		 */
		public Builder notifyUrl(@Nullable String notifyUrl) {
			this.notifyUrl = notifyUrl;
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
