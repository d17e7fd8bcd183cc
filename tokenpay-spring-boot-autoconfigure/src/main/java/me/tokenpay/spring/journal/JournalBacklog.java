package me.tokenpay.spring.journal;

import java.time.Instant;

/**
 * The orders of one merchant and kind in one state that is not final, or failed.
 *
 * @param merchant the merchant
 * @param kind the kind of the orders
 * @param state the state
 * @param count how many orders
 * @param oldest the oldest last change among them
 * @author TokenPay Spring Boot team
 */
public record JournalBacklog(String merchant, JournalKind kind, JournalState state, long count, Instant oldest) {

}
