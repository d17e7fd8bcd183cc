package me.tokenpay.spring.client;

import org.springframework.util.Assert;

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
	 * @throws IllegalArgumentException if the id is {@code null}, blank or contains a
	 * control character
	 */
	public CancelPayoutRequest {
		Assert.isTrue(payoutId != null && !payoutId.isBlank(), "Payout id must not be null or blank");
		Assert.isTrue(payoutId.chars().noneMatch(Character::isISOControl),
				"Payout id must not contain control characters; pass the id exactly as TokenPay returned it");
	}

}
