package me.tokenpay.spring.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of the journal per merchant and state: {@code tokenpay.journal.payouts} (how
 * many payouts are {@code submitted}, {@code sending}, {@code unknown}, {@code pending},
 * {@code failed} or {@code conflict}) and {@code tokenpay.journal.oldest} (seconds since
 * the oldest of them last changed). One query serves every gauge for a few seconds.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalMetrics implements MeterBinder {

	private static final Duration CACHE = Duration.ofSeconds(5);

	private static final List<JournalState> STATES = List.of(JournalState.SUBMITTED, JournalState.SENDING,
			JournalState.UNKNOWN, JournalState.PENDING, JournalState.FAILED, JournalState.CONFLICT);

	private final PayoutJournal journal;

	private final List<String> merchants;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	/**
	 * Create the gauges.
	 * @param journal the journal
	 * @param merchants the merchants to report
	 * @param clock the clock that ages payouts and the cached counts
	 */
	public PayoutJournalMetrics(PayoutJournal journal, List<String> merchants, Clock clock) {
		this.journal = journal;
		this.merchants = List.copyOf(merchants);
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String merchant : this.merchants) {
			for (JournalState state : STATES) {
				String stateTag = state.name().toLowerCase(Locale.ROOT);
				gauge(registry, "tokenpay.journal.payouts", "Payouts of the journal in a state", merchant, stateTag,
						(metrics) -> metrics.count(merchant, state));
				gauge(registry, "tokenpay.journal.oldest", "Seconds since the oldest payout in a state last changed",
						merchant, stateTag, (metrics) -> metrics.oldestAge(merchant, state));
			}
		}
	}

	private void gauge(MeterRegistry registry, String name, String description, String merchant, String state,
			ToDoubleFunction<PayoutJournalMetrics> value) {
		Gauge.builder(name, this, value)
			.description(description)
			.tag("merchant", merchant)
			.tag("state", state)
			.register(registry);
	}

	private double count(String merchant, JournalState state) {
		return backlog(merchant, state).map(JournalBacklog::payouts).orElse(0L);
	}

	private double oldestAge(String merchant, JournalState state) {
		Instant now = this.clock.instant();
		return backlog(merchant, state).map((backlog) -> Duration.between(backlog.oldest(), now).toMillis() / 1000.0)
			.orElse(0.0);
	}

	private Optional<JournalBacklog> backlog(String merchant, JournalState state) {
		return snapshot().backlog()
			.stream()
			.filter((backlog) -> backlog.merchant().equals(merchant) && backlog.state() == state)
			.findFirst();
	}

	private Snapshot snapshot() {
		Instant now = this.clock.instant();
		Snapshot current = this.snapshot;
		if (current == null || current.takenAt().plus(CACHE).isBefore(now)) {
			current = new Snapshot(this.journal.backlog(), now);
			this.snapshot = current;
		}
		return Objects.requireNonNull(current);
	}

	private record Snapshot(List<JournalBacklog> backlog, Instant takenAt) {

	}

}
