package me.tokenpay.spring.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.operation.OrderAnswer;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutConflictException;
import me.tokenpay.spring.journal.JdbcPayoutJournal.Move;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Sends journaled payouts once and follows them to a final state. Each run claims the
 * rows that are due (a lease per row, so that no two instances work on one), then:
 * <ul>
 * <li>{@link JournalState#SUBMITTED}: marks it {@link JournalState#SENDING}, keeping the
 * claim, and sends the create through the normal pipeline (rate limit, answer rule,
 * resolution of an unknown outcome by query);</li>
 * <li>{@link JournalState#SENDING} (an instance died while sending) or
 * {@link JournalState#UNKNOWN}: asks the gateway first, and sends again only when it does
 * not know the order, which the gateway never applies twice under one
 * {@code out_trade_no} (a 12001 answer resolves to the existing payout);</li>
 * <li>{@link JournalState#PENDING}: asks the gateway, with back-off, until the payout is
 * final.</li>
 * </ul>
 * Tracked pay-in orders are asked about, with back-off, until paid, closed (expired
 * orders are closed) or refunded. A definite refusal ends the row
 * {@link JournalState#FAILED} with its code; a failure that applied nothing and may pass
 * later sends it again after a wait; nothing that may have been applied is sent again
 * without asking first.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalDispatcher {

	private static final Log logger = LogFactory.getLog(PayoutJournalDispatcher.class);

	private static final int NOT_FOUND = 12002;

	private static final int DATA_EXISTS = 12001;

	private final JdbcPayoutJournal journal;

	private final Function<String, TokenPayOperations> merchants;

	private final Clock clock;

	private final Settings settings;

	private final String owner = UUID.randomUUID().toString();

	/**
	 * Create a dispatcher.
	 * @param journal the journal
	 * @param merchants the operations of each merchant, by name
	 * @param clock the clock that dates attempts and back-off
	 * @param settings how rows are claimed and retried
	 */
	public PayoutJournalDispatcher(JdbcPayoutJournal journal, Function<String, TokenPayOperations> merchants,
			Clock clock, Settings settings) {
		this.journal = journal;
		this.merchants = merchants;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Claim the rows that are due and work on each once.
	 * @return how many rows were claimed
	 */
	public int runOnce() {
		List<JournalEntry> claimed = this.journal.claimDue(this.owner, this.settings.lease(),
				this.settings.batchSize());
		for (JournalEntry entry : claimed) {
			try {
				work(entry);
			}
			catch (RuntimeException ex) {
				logger.warn("Payout journal could not work on " + entry.outTradeNo() + "; it is due again after "
						+ this.settings.lease(), ex);
			}
		}
		return claimed.size();
	}

	private void work(JournalEntry entry) {
		switch (entry.state()) {
			case SUBMITTED -> send(entry);
			case SENDING, UNKNOWN, PENDING -> {
				if (entry.kind() == JournalKind.PAY_IN) {
					askPayIn(entry);
				}
				else {
					ask(entry);
				}
			}
			default -> throw new IllegalStateException("Claimed a final payout " + entry.outTradeNo());
		}
	}

	private void send(JournalEntry entry) {
		TokenPayOperations operations = operations(entry);
		if (operations == null) {
			return;
		}
		Instant now = this.clock.instant();
		if (!this.journal.move(entry, this.owner,
				new Move(JournalState.SENDING, null, null, null, null, true, now, now.plus(this.settings.lease())))) {
			return;
		}
		Payout payout;
		try {
			payout = operations.payouts().create(entry.request());
		}
		catch (PayoutConflictException ex) {
			move(entry, JournalState.CONFLICT, null, ex.getCode(), describe(ex), false, this.clock.instant());
			return;
		}
		catch (TokenPayException ex) {
			refused(entry, ex);
			return;
		}
		catch (IllegalArgumentException ex) {
			move(entry, JournalState.FAILED, null, null, describe(ex), false, this.clock.instant());
			return;
		}
		catch (RuntimeException ex) {
			move(entry, JournalState.UNKNOWN, null, null, describe(ex), false, backOff(entry));
			throw ex;
		}
		answered(entry, payout);
	}

	private void ask(JournalEntry entry) {
		TokenPayOperations operations = operations(entry);
		if (operations == null) {
			return;
		}
		Payout payout;
		try {
			payout = operations.payouts().getByOutTradeNo(entry.outTradeNo());
		}
		catch (TokenPayApiException ex) {
			if (ex.getCode() == NOT_FOUND && entry.state() != JournalState.PENDING) {
				send(entry);
			}
			else {
				move(entry, (ex.getCode() == NOT_FOUND) ? JournalState.UNKNOWN : entry.state(), null, ex.getCode(),
						describe(ex), true, backOff(entry));
			}
			return;
		}
		catch (TokenPayException ex) {
			move(entry, entry.state(), null, null, describe(ex), true, backOff(entry));
			return;
		}
		answered(entry, payout);
	}

	/**
	 * Ask about a tracked pay-in order until it is paid, closed (an expired order is
	 * closed) or refunded.
	 */
	private void askPayIn(JournalEntry entry) {
		TokenPayOperations operations = operations(entry);
		if (operations == null) {
			return;
		}
		Transaction order;
		try {
			order = operations.payIns().getByOutTradeNo(entry.outTradeNo());
		}
		catch (TokenPayException ex) {
			Integer code = (ex instanceof TokenPayApiException api) ? api.getCode() : null;
			move(entry, entry.state(), null, code, describe(ex), true, backOff(entry));
			return;
		}
		answered(entry, order, order.tradeState(), order.transactionId());
	}

	/**
	 * Return the operations of a row's merchant; a merchant that is not configured ends
	 * the row {@link JournalState#FAILED}, nothing having been sent for it.
	 */
	private @Nullable TokenPayOperations operations(JournalEntry entry) {
		try {
			return this.merchants.apply(entry.merchant());
		}
		catch (IllegalArgumentException ex) {
			if (entry.state() == JournalState.SUBMITTED) {
				move(entry, JournalState.FAILED, null, null, describe(ex), false, this.clock.instant());
			}
			else {
				move(entry, entry.state(), null, null, describe(ex), false, backOff(entry));
			}
			return null;
		}
	}

	/**
	 * Record a create that failed: an unknown outcome (or a 12001 whose existing payout
	 * could not be read) is asked about later; a failure that applied nothing and may
	 * pass later (the rate limit, a transport failure before sending) is sent again after
	 * the retry interval; a definite refusal is final.
	 */
	private void refused(JournalEntry entry, TokenPayException ex) {
		Integer code = (ex instanceof TokenPayApiException api) ? api.getCode() : null;
		if (ex.isOutcomeUnknown() || Integer.valueOf(DATA_EXISTS).equals(code)) {
			move(entry, JournalState.UNKNOWN, null, code, describe(ex), false, backOff(entry));
		}
		else if (ex.isRetryable() || ex instanceof TokenPayRateLimitException) {
			move(entry, JournalState.SUBMITTED, null, code, describe(ex), false,
					this.clock.instant().plus(this.settings.retryInterval()));
		}
		else {
			move(entry, JournalState.FAILED, null, code, describe(ex), false, this.clock.instant());
		}
	}

	private void answered(JournalEntry entry, Payout payout) {
		answered(entry, payout, payout.tradeState(), payout.transactionId());
	}

	private void answered(JournalEntry entry, OrderAnswer order, @Nullable TradeState tradeState,
			@Nullable String transactionId) {
		String trade = (tradeState != null) ? tradeState.value() : null;
		if (!entry.isAbout(order)) {
			move(entry, JournalState.CONFLICT, trade, null,
					"The gateway holds another order under this out_trade_no: " + order, true, this.clock.instant());
			return;
		}
		JournalState state = JournalState.of(tradeState);
		Instant next = state.isFinal() ? this.clock.instant() : backOff(entry);
		this.journal.move(entry, this.owner, new Move(state, trade, transactionId, null, null, true, next, null));
	}

	private void move(JournalEntry entry, JournalState state, @Nullable String tradeState, @Nullable Integer code,
			@Nullable String message, boolean attempted, Instant next) {
		this.journal.move(entry, this.owner, new Move(state, tradeState, null, code, message, attempted, next, null));
	}

	/**
	 * The wait before a row is asked about again: the reconcile interval, doubled per
	 * attempt up to its maximum.
	 */
	private Instant backOff(JournalEntry entry) {
		Duration wait = this.settings.reconcileInterval().multipliedBy(1L << Math.min(entry.attempts(), 20));
		Duration capped = (wait.compareTo(this.settings.maxReconcileInterval()) > 0)
				? this.settings.maxReconcileInterval() : wait;
		return this.clock.instant().plus(capped);
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return (message.length() > 500) ? message.substring(0, 500) : message;
	}

	/**
	 * How the dispatcher claims and retries rows.
	 *
	 * @param lease how long a claim holds; longer than any create with its retries and
	 * resolution takes, so that a live instance keeps its rows
	 * @param batchSize the most rows claimed per run
	 * @param reconcileInterval the first wait before a payout that is not final is asked
	 * about again, doubled per attempt
	 * @param maxReconcileInterval the longest such wait
	 * @param retryInterval the wait before a create that was refused without being
	 * applied (such as by the rate limit) is sent again
	 */
	public record Settings(Duration lease, int batchSize, Duration reconcileInterval, Duration maxReconcileInterval,
			Duration retryInterval) {

		/**
		 * Check the settings.
		 * @param lease how long a claim holds
		 * @param batchSize the most rows claimed per run
		 * @param reconcileInterval the first wait before asking again
		 * @param maxReconcileInterval the longest such wait
		 * @param retryInterval the wait before sending again
		 */
		public Settings {
			Assert.isTrue(lease.compareTo(Duration.ZERO) > 0, "Lease must be positive");
			Assert.isTrue(batchSize > 0, "Batch size must be positive");
			Assert.isTrue(reconcileInterval.compareTo(Duration.ZERO) > 0, "Reconcile interval must be positive");
			Assert.isTrue(maxReconcileInterval.compareTo(reconcileInterval) >= 0,
					"Max reconcile interval must not be shorter than the reconcile interval");
			Assert.isTrue(!retryInterval.isNegative(), "Retry interval must not be negative");
		}

	}

}
