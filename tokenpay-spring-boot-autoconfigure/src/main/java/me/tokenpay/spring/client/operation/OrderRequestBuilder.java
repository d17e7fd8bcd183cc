package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of payout and pay-in order creates share: the amount, chain and
 * currency they start from, and the merchant's order number, description, attached data
 * and notification URL.
 *
 * @param <B> the builder's own type
 * @author TokenPay Spring Boot team
 */
public abstract class OrderRequestBuilder<B extends OrderRequestBuilder<B>> {

	/**
	 * The amount in major units.
	 */
	protected final BigDecimal amount;

	/**
	 * The chain.
	 */
	protected final Chain chain;

	/**
	 * The currency code.
	 */
	protected final String currency;

	/**
	 * The merchant's order number, {@code null} to have one generated.
	 */
	protected @Nullable String outTradeNo;

	/**
	 * The description.
	 */
	protected @Nullable String description;

	/**
	 * Data echoed back when the order completes.
	 */
	protected @Nullable String attach;

	/**
	 * The URL TokenPay notifies when the order completes.
	 */
	protected @Nullable String notifyUrl;

	/**
	 * Start a builder.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency code
	 */
	protected OrderRequestBuilder(BigDecimal amount, Chain chain, String currency) {
		this.amount = amount;
		this.chain = chain;
		this.currency = currency;
	}

	/**
	 * Set the merchant's unique order number; by default one is generated.
	 * @param outTradeNo the order number
	 * @return this builder
	 */
	public B outTradeNo(@Nullable String outTradeNo) {
		this.outTradeNo = outTradeNo;
		return self();
	}

	/**
	 * Set the description.
	 * @param description the description
	 * @return this builder
	 */
	public B description(@Nullable String description) {
		this.description = description;
		return self();
	}

	/**
	 * Set data echoed back when the order completes.
	 * @param attach the data
	 * @return this builder
	 */
	public B attach(@Nullable String attach) {
		this.attach = attach;
		return self();
	}

	/**
	 * Set the URL TokenPay notifies when the order completes.
	 * @param notifyUrl an absolute http(s) URL
	 * @return this builder
	 */
	public B notifyUrl(@Nullable String notifyUrl) {
		this.notifyUrl = notifyUrl;
		return self();
	}

	/**
	 * Return this builder as its own type.
	 * @return this builder
	 */
	protected abstract B self();

}
