package me.tokenpay.spring.client.payin;

import org.jspecify.annotations.Nullable;

/**
 * The result of closing a pay-in order: it is closed, by this call or before it.
 *
 * @param transactionId the platform's order id
 * @param alreadyClosed whether the order was closed before (or by an earlier attempt of
 * this call whose answer was lost)
 * @param requestId the gateway's request id of the last answer
 * @author TokenPay Spring Boot team
 */
public record PayInClosure(String transactionId, boolean alreadyClosed, @Nullable String requestId) {

}
