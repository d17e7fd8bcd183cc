package me.tokenpay.spring.journal;

import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.TokenPayNotification;
import me.tokenpay.spring.client.notification.TokenPayNotificationHandler;
import me.tokenpay.spring.client.operation.OrderAnswer;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import org.jspecify.annotations.Nullable;

/**
 * Moves a journaled payout or tracked pay-in order as its notification reports it,
 * whichever comes first, the notification or the dispatcher's query; a stale notification
 * never moves a payout back, and one of another merchant or about another order (its
 * money fields differ) moves nothing. The notification is acknowledged only once the move
 * is committed.
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
		String outTradeNo = notification.outTradeNo();
		if (outTradeNo == null) {
			return;
		}
		Payout payout = notification.payout();
		Transaction transaction = notification.transaction();
		if (payout != null) {
			report(this.journal.find(outTradeNo).orElse(null), notification, payout, payout.tradeState(),
					payout.transactionId());
		}
		else if (transaction != null) {
			report(this.journal.findPayIn(outTradeNo).orElse(null), notification, transaction, transaction.tradeState(),
					transaction.transactionId());
		}
	}

	private void report(@Nullable JournalEntry entry, TokenPayNotification notification, OrderAnswer order,
			@Nullable TradeState tradeState, @Nullable String transactionId) {
		if (entry == null || !entry.merchant().equals(notification.merchant()) || !entry.isAbout(order)) {
			return;
		}
		this.journal.report(entry.kind(), entry.merchant(), entry.outTradeNo(), JournalState.of(tradeState),
				(tradeState != null) ? tradeState.value() : null, transactionId);
	}

}
