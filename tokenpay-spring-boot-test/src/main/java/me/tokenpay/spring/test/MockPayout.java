package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payout as {@link MockTokenPayServer} holds it at one moment.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's payout id, the id Cancel Payout takes
 * @param state the state
 * @param amount the amount in major units
 * @param chain the chain
 * @param currency the currency
 * @param toAddress the receiving address
 * @param description the description, if any
 * @param attach the attached data, if any
 * @param notifyUrl the notification URL, if any
 * @param createTime when it was created
 * @param payTime when it was paid, if it was
 * @param closeTime when it was closed, if it was
 * @param txId the on-chain transaction hash, once paid
 * @author TokenPay Spring Boot team
 */
public record MockPayout(String outTradeNo, String transactionId, PayoutState state, BigDecimal amount, String chain,
		String currency, String toAddress, @Nullable String description, @Nullable String attach,
		@Nullable String notifyUrl, Instant createTime, @Nullable Instant payTime, @Nullable Instant closeTime,
		@Nullable String txId) {

}
