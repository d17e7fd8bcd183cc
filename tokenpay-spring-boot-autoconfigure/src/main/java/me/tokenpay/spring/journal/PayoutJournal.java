package me.tokenpay.spring.journal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInOrder;
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
	 * Track a pay-in order of the default merchant that the application created: the
	 * journal queries it with back-off until it is paid, closed or expired (and moves it
	 * as its notifications say), so that a lost notification does not leave a customer
	 * uncredited. Tracking the same order again returns the tracked one.
	 * @param request the create that made the order
	 * @param order the created order
	 * @return the tracked order
	 * @throws PayoutJournalConflictException if the journal tracks another pay-in order
	 * under the order's {@code out_trade_no}
	 */
	JournalEntry trackPayIn(CreatePayInRequest request, PayInOrder order);

	/**
	 * Track a pay-in order of a merchant that the application created.
	 * @param merchant the merchant's name
	 * @param request the create that made the order
	 * @param order the created order
	 * @return the tracked order
	 * @throws PayoutJournalConflictException if the journal tracks another pay-in order
	 * under the order's {@code out_trade_no}
	 */
	JournalEntry trackPayIn(String merchant, CreatePayInRequest request, PayInOrder order);

	/**
	 * Find a tracked pay-in order.
	 * @param outTradeNo its order number
	 * @return the order, empty if the journal does not track it
	 */
	Optional<JournalEntry> findPayIn(String outTradeNo);

	/**
	 * Find a journaled payout.
	 * @param outTradeNo its order number
	 * @return the payout, empty if the journal does not hold it
	 */
	Optional<JournalEntry> find(String outTradeNo);

	/**
	 * Count the payouts and pay-in orders that are not final or that failed, by merchant,
	 * kind and state, with the oldest last change of each.
	 * @return the backlog
	 */
	List<JournalBacklog> backlog();

	/**
	 * Return payouts and pay-in orders that are not final and have not changed for a
	 * while, oldest first.
	 * @param olderThan how long without a change makes a payout stuck
	 * @param limit the most payouts to return
	 * @return the payouts
	 */
	List<JournalEntry> stuck(Duration olderThan, int limit);

}
