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
 * Gauges of the journal per merchant, kind ({@code payout}, {@code pay-in}) and state:
 * {@code tokenpay.journal.orders} (how many orders are {@code submitted},
 * {@code sending}, {@code unknown}, {@code pending}, {@code failed} or {@code conflict})
 * and {@code tokenpay.journal.oldest} (seconds since the oldest of them last changed).
 * One query serves every gauge for a few seconds.
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
			for (JournalKind kind : JournalKind.values()) {
				for (JournalState state : STATES) {
					gauge(registry, "tokenpay.journal.orders", "Orders of the journal in a state", merchant, kind,
							state, (metrics) -> metrics.count(merchant, kind, state));
					gauge(registry, "tokenpay.journal.oldest", "Seconds since the oldest order in a state last changed",
							merchant, kind, state, (metrics) -> metrics.oldestAge(merchant, kind, state));
				}
			}
		}
	}

	private void gauge(MeterRegistry registry, String name, String description, String merchant, JournalKind kind,
			JournalState state, ToDoubleFunction<PayoutJournalMetrics> value) {
		Gauge.builder(name, this, value)
			.description(description)
			.tag("merchant", merchant)
			.tag("kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.tag("state", state.name().toLowerCase(Locale.ROOT))
			.register(registry);
	}

	private double count(String merchant, JournalKind kind, JournalState state) {
		return backlog(merchant, kind, state).map(JournalBacklog::count).orElse(0L);
	}

	private double oldestAge(String merchant, JournalKind kind, JournalState state) {
		Instant now = this.clock.instant();
		return backlog(merchant, kind, state)
			.map((backlog) -> Duration.between(backlog.oldest(), now).toMillis() / 1000.0)
			.orElse(0.0);
	}

	private Optional<JournalBacklog> backlog(String merchant, JournalKind kind, JournalState state) {
		return snapshot().backlog()
			.stream()
			.filter((backlog) -> backlog.merchant().equals(merchant) && backlog.kind() == kind
					&& backlog.state() == state)
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
