package me.tokenpay.spring.journal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher and the event publisher on one thread of each instance, every poll
 * interval, and again at once while a run found a full batch.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PayoutJournalWorker.class);

	private final PayoutJournalDispatcher dispatcher;

	private final PayoutJournalEventPublisher publisher;

	private final Duration pollInterval;

	private final int batchSize;

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Create a worker.
	 * @param dispatcher the dispatcher
	 * @param publisher the event publisher
	 * @param pollInterval the wait between runs
	 * @param batchSize the batch size of both, to tell a full batch
	 */
	public PayoutJournalWorker(PayoutJournalDispatcher dispatcher, PayoutJournalEventPublisher publisher,
			Duration pollInterval, int batchSize) {
		this.dispatcher = dispatcher;
		this.publisher = publisher;
		this.pollInterval = pollInterval;
		this.batchSize = batchSize;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "tokenpay-journal");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::run, this.pollInterval.toMillis(), this.pollInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	private void run() {
		try {
			boolean full = true;
			while (full && !Thread.currentThread().isInterrupted()) {
				int dispatched = this.dispatcher.runOnce();
				int published = this.publisher.runOnce();
				full = dispatched >= this.batchSize || published >= this.batchSize;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Payout journal run failed; the next runs in " + this.pollInterval, ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
