package me.tokenpay.spring.journal;

import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.TokenPayNotification;
import me.tokenpay.spring.client.notification.TokenPayNotificationHandler;
import me.tokenpay.spring.client.payout.Payout;

/**
 * Moves a journaled payout as a payout notification reports it, whichever comes first,
 * the notification or the dispatcher's query; a stale notification never moves a payout
 * back, and one of another merchant or about another order (its money fields differ)
 * moves nothing. The notification is acknowledged only once the move is committed.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalNotificationHandler implements TokenPayNotificationHandler {

	private final JdbcPayoutJournal journal;

	/**
	 * Create the handler.
	 * @param journal the journal
	 */
	public PayoutJournalNotificationHandler(JdbcPayoutJournal journal) {
		this.journal = journal;
	}

	@Override
	public void handle(TokenPayNotification notification) {
		Payout payout = notification.payout();
		String outTradeNo = notification.outTradeNo();
		if (payout == null || outTradeNo == null) {
			return;
		}
		JournalEntry entry = this.journal.find(outTradeNo).orElse(null);
		if (entry == null || !entry.merchant().equals(notification.merchant()) || !entry.isAbout(payout)) {
			return;
		}
		TradeState tradeState = payout.tradeState();
		this.journal.report(entry.merchant(), outTradeNo, JournalState.of(tradeState),
				(tradeState != null) ? tradeState.value() : null, payout.transactionId());
	}

}
