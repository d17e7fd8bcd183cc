package me.tokenpay.spring.journal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A journaled payout or pay-in order changed state. Published to the application's
 * listeners at least once, also across a crash (from the journal's own outbox), in order
 * per order: deduplicate on {@link #id()}.
 *
 * @param id the change's unique id
 * @param kind whether the order is a payout or a pay-in order
 * @param outTradeNo the order's number
 * @param merchant its merchant
 * @param state its new state
 * @param tradeState the trade state the gateway reported, if any
 * @param transactionId the platform's id, once known
 * @param occurredAt when the state changed
 * @author TokenPay Spring Boot team
 */
public record JournalEvent(String id, JournalKind kind, String outTradeNo, String merchant, JournalState state,
		@Nullable String tradeState, @Nullable String transactionId, Instant occurredAt) {

}
