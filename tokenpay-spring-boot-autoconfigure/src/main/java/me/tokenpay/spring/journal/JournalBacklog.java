package me.tokenpay.spring.journal;

import java.time.Instant;

/**
 * The payouts of one merchant in one state that is not final, or failed.
 *
 * @param merchant the merchant
 * @param state the state
 * @param payouts how many payouts
 * @param oldest the oldest last change among them
 * @author TokenPay Spring Boot team
 */
public record JournalBacklog(String merchant, JournalState state, long payouts, Instant oldest) {

}
