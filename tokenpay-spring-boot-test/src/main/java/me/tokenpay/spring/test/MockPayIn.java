package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A pay-in order as {@link MockTokenPayServer} holds it at one moment.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's order id, the id that closes it
 * @param prepayId the prepayment id the create answered with
 * @param state the state
 * @param amount the amount in major units
 * @param chain the chain
 * @param currency the currency
 * @param orderType the order type, such as {@code platform_order}
 * @param toAddress the receiving address, if any
 * @param description the description, if any
 * @param attach the attached data, if any
 * @param notifyUrl the notification URL, if any
 * @param createTime when it was created
 * @param expireTime when it expires unpaid
 * @param payTime when it was paid, if it was
 * @param closeTime when it was closed or expired, if it was
 * @param txId the on-chain transaction hash, once paid
 * @param blockNo the block number, once paid
 * @author TokenPay Spring Boot team
 */
public record MockPayIn(String outTradeNo, String transactionId, String prepayId, PayInState state, BigDecimal amount,
		String chain, String currency, String orderType, @Nullable String toAddress, @Nullable String description,
		@Nullable String attach, @Nullable String notifyUrl, Instant createTime, Instant expireTime,
		@Nullable Instant payTime, @Nullable Instant closeTime, @Nullable String txId, @Nullable Long blockNo) {

	MockPayIn with(PayInState state, @Nullable Instant payTime, @Nullable Instant closeTime, @Nullable String txId,
			@Nullable Long blockNo) {
		return new MockPayIn(this.outTradeNo, this.transactionId, this.prepayId, state, this.amount, this.chain,
				this.currency, this.orderType, this.toAddress, this.description, this.attach, this.notifyUrl,
				this.createTime, this.expireTime, payTime, closeTime, txId, blockNo);
	}

}
