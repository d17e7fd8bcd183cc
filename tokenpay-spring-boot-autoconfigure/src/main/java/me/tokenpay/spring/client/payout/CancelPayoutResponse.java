package me.tokenpay.spring.client.payout;

import org.jspecify.annotations.Nullable;

/**
 * The gateway's answer to an accepted Cancel Payout call.
 *
 * @param code the gateway code, always {@code 0} for an accepted call
 * @param msg the gateway's status text; informative only, never branch on it
 * @param requestId the gateway's request id, quote it when contacting TokenPay support
 * @author TokenPay Spring Boot team
 */
public record CancelPayoutResponse(int code, @Nullable String msg, @Nullable String requestId) {

}
