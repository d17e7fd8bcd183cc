package me.tokenpay.sample;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cancels payouts on behalf of the merchant. Failures are turned into problem details by
 * {@link TokenPayProblemHandler}.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class PayoutController {

	private final TokenPayOperations tokenPay;

	/**
	 * Create a new controller.
	 * @param tokenPay the TokenPay client
	 */
	public PayoutController(TokenPayOperations tokenPay) {
		this.tokenPay = tokenPay;
	}

	/**
	 * Cancel a payout that has not been paid yet.
	 * @param payoutId the platform's payout id
	 * @return the gateway's answer, as {@code code}, {@code msg} and {@code requestId}
	 */
	@PostMapping("/payouts/{payoutId}/cancel")
	public CancelPayoutResponse cancel(@PathVariable String payoutId) {
		return this.tokenPay.cancelPayout(payoutId);
	}

}
