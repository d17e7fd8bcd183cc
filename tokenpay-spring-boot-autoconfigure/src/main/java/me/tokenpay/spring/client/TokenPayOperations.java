package me.tokenpay.spring.client;

/**
 * Operations of the TokenPay merchant API. Implemented by {@link TokenPayTemplate}; an
 * interface so that applications can replace it with a test double.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayOperations {

	/**
	 * Cancel (close) a payout that has not been paid yet.
	 * @param payoutId the platform's payout id, neither blank nor containing control
	 * characters
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws IllegalArgumentException if the payout id is blank or contains control
	 * characters; nothing is sent
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	default CancelPayoutResponse cancelPayout(String payoutId) {
		return cancelPayout(new CancelPayoutRequest(payoutId));
	}

	/**
	 * Cancel (close) a payout that has not been paid yet.
	 * @param request the cancellation to perform
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	CancelPayoutResponse cancelPayout(CancelPayoutRequest request);

}
