package me.tokenpay.spring.client;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.PayoutOperations;

/**
 * Operations of the TokenPay merchant API, grouped by resource: {@link #payouts()}.
 * Implemented by {@link TokenPayTemplate}; an interface so that applications can replace
 * it with a test double.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayOperations {

	/**
	 * Return the payout operations: create, query and cancel.
	 * @return the payout operations
	 */
	PayoutOperations payouts();

	/**
	 * Cancel (close) a payout that has not been paid yet; a shortcut for
	 * {@code payouts().cancel(payoutId)}.
	 * @param payoutId the platform's payout id, neither blank nor containing control
	 * characters
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws TokenPayInvalidRequestException if the payout id is blank or contains
	 * control characters; nothing is sent
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	default CancelPayoutResponse cancelPayout(String payoutId) {
		return payouts().cancel(payoutId);
	}

	/**
	 * Cancel (close) a payout that has not been paid yet; a shortcut for
	 * {@code payouts().cancel(request)}.
	 * @param request the cancellation to perform
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	default CancelPayoutResponse cancelPayout(CancelPayoutRequest request) {
		return payouts().cancel(request);
	}

}
