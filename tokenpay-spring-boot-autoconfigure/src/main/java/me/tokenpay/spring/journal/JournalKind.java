package me.tokenpay.spring.journal;

/**
 * What a journal row follows.
 *
 * @author TokenPay Spring Boot team
 */
public enum JournalKind {

	/**
	 * A payout, submitted to the journal and sent by it.
	 */
	PAYOUT,

	/**
	 * A pay-in order the application created and the journal follows to a final state
	 * (paid, closed or expired).
	 */
	PAY_IN

}
