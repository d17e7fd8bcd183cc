package me.tokenpay.spring.client.payin;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.OrderQuery;
import me.tokenpay.spring.client.operation.OrderRequestBuilder;
import me.tokenpay.spring.client.operation.RequestChecks;
import org.jspecify.annotations.Nullable;

/**
 * A pay-in order to create: an amount a customer is asked to pay. Checked when built,
 * before anything is sent: each problem is a {@link TokenPayInvalidRequestException}
 * naming the field.
 * <p>
 * The gateway knows no idempotency key; {@code outTradeNo}, which it requires to be
 * unique, plays that part. When none is given, the client generates one (32 lowercase hex
 * characters) and the resulting {@link PayInOrder} carries it.
 *
 * @param amount the amount in major units, positive, at most 18 decimal places
 * @param chain the chain, such as {@link Chain#TRON}
 * @param currency the currency, such as {@code USDT}, at most 32 characters
 * @param outTradeNo the merchant's unique order number, at most 64 characters without
 * whitespace; {@code null} to have one generated
 * @param expireSecond how long the order can be paid, in seconds, from
 * {@value #MIN_EXPIRE_SECOND} to {@value #MAX_EXPIRE_SECOND}
 * @param orderType the payment method, {@value #PLATFORM_ORDER} (platform collection) by
 * default
 * @param description a description shown to the payer, at most 256 characters
 * @param attach data echoed back when the order is paid, at most 256 characters
 * @param locale the language of the cashier page, such as {@code en} or {@code zh_cn}
 * @param notifyUrl the absolute http(s) URL TokenPay notifies when the order is paid, at
 * most 512 characters
 * @param returnUrl where the cashier page sends the payer afterwards: a URL or an app
 * route, at most 512 characters without whitespace
 * @param toAddress the receiving address, required for {@value #MERCHANT_ORDER} orders,
 * at most 128 characters
 * @author TokenPay Spring Boot team
 */
public record CreatePayInRequest(BigDecimal amount, Chain chain, String currency, @Nullable String outTradeNo,
		int expireSecond, String orderType, @Nullable String description, @Nullable String attach,
		@Nullable String locale, @Nullable String notifyUrl, @Nullable String returnUrl, @Nullable String toAddress) {

	/**
	 * The order type of platform collection: the customer pays TokenPay's address.
	 */
	public static final String PLATFORM_ORDER = "platform_order";

	/**
	 * The order type of a monitored order: the customer pays the merchant's
	 * {@code toAddress}.
	 */
	public static final String MERCHANT_ORDER = "merchant_order";

	/**
	 * The validity of an order unless another is set: 10 minutes.
	 */
	public static final int DEFAULT_EXPIRE_SECOND = 600;

	/**
	 * The shortest validity accepted.
	 */
	public static final int MIN_EXPIRE_SECOND = 60;

	/**
	 * The longest validity accepted: one day.
	 */
	public static final int MAX_EXPIRE_SECOND = 86_400;

	/**
	 * The longest {@code outTradeNo} accepted.
	 */
	public static final int MAX_OUT_TRADE_NO_LENGTH = OrderQuery.MAX_OUT_TRADE_NO_LENGTH;

	/**
	 * The most decimal places an amount may have: the most any currency TokenPay lists
	 * has.
	 */
	public static final int MAX_DECIMALS = RequestChecks.MAX_ORDER_DECIMALS;

	/**
	 * Check the request.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @param outTradeNo the merchant's order number, {@code null} to have one generated
	 * @param expireSecond the validity in seconds
	 * @param orderType the payment method
	 * @param description a description
	 * @param attach data echoed back
	 * @param locale the language of the cashier page
	 * @param notifyUrl the notification URL
	 * @param returnUrl where the payer goes afterwards
	 * @param toAddress the receiving address
	 * @throws TokenPayInvalidRequestException if a field is unusable
	 */
	public CreatePayInRequest {
		amount = RequestChecks.order(amount, chain, currency, outTradeNo);
		if (expireSecond < MIN_EXPIRE_SECOND || expireSecond > MAX_EXPIRE_SECOND) {
			throw new TokenPayInvalidRequestException("expireSecond", "expireSecond must be between "
					+ MIN_EXPIRE_SECOND + " and " + MAX_EXPIRE_SECOND + " but is " + expireSecond);
		}
		RequestChecks.token("orderType", orderType, 32);
		RequestChecks.optionalText("description", description, 256);
		RequestChecks.optionalText("attach", attach, 256);
		if (locale != null) {
			RequestChecks.token("locale", locale, 16);
		}
		RequestChecks.optionalUrl("notifyUrl", notifyUrl, 512);
		if (returnUrl != null) {
			RequestChecks.token("returnUrl", returnUrl, 512);
		}
		if (toAddress != null) {
			RequestChecks.token("toAddress", toAddress, 128);
		}
		else if (MERCHANT_ORDER.equals(orderType)) {
			throw new TokenPayInvalidRequestException("toAddress",
					"toAddress must be given for " + MERCHANT_ORDER + " orders");
		}
	}

	/**
	 * Start a request for an amount.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @return a builder
	 */
	public static Builder builder(BigDecimal amount, Chain chain, String currency) {
		return new Builder(amount, chain, currency);
	}

	/**
	 * Builds a {@link CreatePayInRequest}.
	 */
	public static final class Builder extends OrderRequestBuilder<Builder> {

		private int expireSecond = DEFAULT_EXPIRE_SECOND;

		private String orderType = PLATFORM_ORDER;

		private @Nullable String locale;

		private @Nullable String returnUrl;

		private @Nullable String toAddress;

		private Builder(BigDecimal amount, Chain chain, String currency) {
			super(amount, chain, currency);
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * Set how long the order can be paid; by default
		 * {@value CreatePayInRequest#DEFAULT_EXPIRE_SECOND} seconds.
		 * @param expireSecond the validity in seconds
		 * @return this builder
		 */
		public Builder expireSecond(int expireSecond) {
			this.expireSecond = expireSecond;
			return this;
		}

		/**
		 * Set the payment method; by default {@value CreatePayInRequest#PLATFORM_ORDER}.
		 * @param orderType the order type
		 * @return this builder
		 */
		public Builder orderType(String orderType) {
			this.orderType = orderType;
			return this;
		}

		/**
		 * Set the language of the cashier page.
		 * @param locale such as {@code en} or {@code zh_cn}
		 * @return this builder
		 */
		public Builder locale(@Nullable String locale) {
			this.locale = locale;
			return this;
		}

		/**
		 * Set where the cashier page sends the payer afterwards.
		 * @param returnUrl a URL or an app route
		 * @return this builder
		 */
		public Builder returnUrl(@Nullable String returnUrl) {
			this.returnUrl = returnUrl;
			return this;
		}

		/**
		 * Set the receiving address, required for
		 * {@value CreatePayInRequest#MERCHANT_ORDER} orders.
		 * @param toAddress the address
		 * @return this builder
		 */
		public Builder toAddress(@Nullable String toAddress) {
			this.toAddress = toAddress;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws TokenPayInvalidRequestException if a field is unusable
		 */
		public CreatePayInRequest build() {
			return new CreatePayInRequest(this.amount, this.chain, this.currency, this.outTradeNo, this.expireSecond,
					this.orderType, this.description, this.attach, this.locale, this.notifyUrl, this.returnUrl,
					this.toAddress);
		}

	}

}
