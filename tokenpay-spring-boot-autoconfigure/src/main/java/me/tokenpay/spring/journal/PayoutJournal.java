package me.tokenpay.spring.journal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import me.tokenpay.spring.client.payout.CreatePayoutRequest;

/**
 * Payouts submitted in the application's own database transaction and sent once by the
 * journal's dispatcher, whatever crashes in between. A submit writes one row keyed by
 * {@code out_trade_no} and sends nothing; rolled back with the caller, it never happened.
 *
 * @author TokenPay Spring Boot team
 */
public interface PayoutJournal {

	/**
	 * Submit a payout of the default merchant.
	 * @param request the create to send; an {@code out_trade_no} is generated when it has
	 * none
	 * @return the journaled payout
	 * @throws PayoutJournalConflictException if the journal holds another order under the
	 * request's {@code out_trade_no}; submitting the same order again returns it
	 */
	JournalEntry submit(CreatePayoutRequest request);

	/**
	 * Submit a payout of a merchant.
	 * @param merchant the merchant's name
	 * @param request the create to send
	 * @return the journaled payout
	 * @throws PayoutJournalConflictException if the journal holds another order under the
	 * request's {@code out_trade_no}
	 */
	JournalEntry submit(String merchant, CreatePayoutRequest request);

	/**
	 * Find a journaled payout.
	 * @param outTradeNo its order number
	 * @return the payout, empty if the journal does not hold it
	 */
	Optional<JournalEntry> find(String outTradeNo);

	/**
	 * Count the payouts that are not final or that failed, by merchant and state, with
	 * the oldest last change of each.
	 * @return the backlog
	 */
	List<JournalBacklog> backlog();

	/**
	 * Return payouts that are not final and have not changed for a while, oldest first.
	 * @param olderThan how long without a change makes a payout stuck
	 * @param limit the most payouts to return
	 * @return the payouts
	 */
	List<JournalEntry> stuck(Duration olderThan, int limit);

}
