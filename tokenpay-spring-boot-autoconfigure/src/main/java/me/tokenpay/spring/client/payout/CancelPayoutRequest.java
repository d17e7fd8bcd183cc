package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;

/**
 * A request to cancel a payout.
 *
 * @param payoutId the platform's payout id (sent as the configured payout id field,
 * {@code payout_id} by default)
 * @author TokenPay Spring Boot team
 */
public record CancelPayoutRequest(String payoutId) {

	/**
	 * Create a request, rejecting ids that the gateway could never know.
	 * @param payoutId the platform's payout id
	 * @throws TokenPayInvalidRequestException if the id is {@code null}, blank or
	 * contains a control character
	 */
	public CancelPayoutRequest {
		if (payoutId == null || payoutId.isBlank()) {
			throw new TokenPayInvalidRequestException("payoutId", "Payout id must not be null or blank");
		}
		if (payoutId.chars().anyMatch(Character::isISOControl)) {
			throw new TokenPayInvalidRequestException("payoutId",
					"Payout id must not contain control characters; pass the id exactly as TokenPay returned it");
		}
	}

}
