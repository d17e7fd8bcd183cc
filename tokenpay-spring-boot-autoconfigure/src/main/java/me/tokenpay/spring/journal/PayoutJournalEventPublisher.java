package me.tokenpay.spring.journal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the journal's outbox: each state change is published as a
 * {@link JournalEvent} and marked published only once the application's listeners
 * returned, so every change reaches them at least once, also when an instance dies in
 * between (the event's claim runs out and another instance publishes it again).
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalEventPublisher {

	private static final Log logger = LogFactory.getLog(PayoutJournalEventPublisher.class);

	private final JdbcPayoutJournal journal;

	private final ApplicationEventPublisher publisher;

	private final Duration lease;

	private final int batchSize;

	/**
	 * Create a publisher.
	 * @param journal the journal
	 * @param publisher where events go
	 * @param lease how long a claimed event waits for its listeners before another
	 * instance may publish it again
	 * @param batchSize the most events published per run
	 */
	public PayoutJournalEventPublisher(JdbcPayoutJournal journal, ApplicationEventPublisher publisher, Duration lease,
			int batchSize) {
		this.journal = journal;
		this.publisher = publisher;
		this.lease = lease;
		this.batchSize = batchSize;
	}

	/**
	 * Publish the events that are due.
	 * @return how many events were published
	 */
	public int runOnce() {
		List<JournalEvent> events = this.journal.claimEvents(this.lease, this.batchSize);
		int published = 0;
		Set<String> failed = new HashSet<>();
		for (JournalEvent event : events) {
			if (failed.contains(event.outTradeNo())) {
				continue;
			}
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn(
						"A listener of payout journal event " + event.id() + " (" + event.outTradeNo() + " "
								+ event.state()
								+ ") failed; it and the payout's later events are published again after " + this.lease,
						ex);
				failed.add(event.outTradeNo());
				continue;
			}
			this.journal.markPublished(event.id());
			published++;
		}
		return published;
	}

}
