package me.tokenpay.sample.readme;

import java.math.BigDecimal;

/**
 * A withdrawal of the application in the README's snippets.
 *
 * @author TokenPay Spring Boot team
 */
interface Withdrawal {

	/**
	 * Record that the payout was paid.
	 * @param amount the amount paid
	 * @param txId the on-chain transaction hash
	 */
	void markPaid(BigDecimal amount, String txId);

}
