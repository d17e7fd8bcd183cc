package me.tokenpay.spring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationContext;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * What the TokenPay client did since start, for the {@code tokenpay} actuator endpoint:
 * rate limit permits (granted, waited for, refused) and notification deliveries by
 * outcome. Permits are counted by {@link #measured(TokenPayRateLimiter) measuring} the
 * limiter; deliveries by observing the {@code tokenpay.notifications} observations.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayActivity implements ObservationHandler<TokenPayNotificationObservationContext> {

	/**
	 * The shortest wait for a permit that counts as a wait.
	 */
	static final Duration WAIT_THRESHOLD = Duration.ofMillis(1);

	private final LongSupplier ticker;

	private final Clock clock;

	private final LongAdder granted = new LongAdder();

	private final LongAdder waited = new LongAdder();

	private final LongAdder refused = new LongAdder();

	private final AtomicLong longestWaitNanos = new AtomicLong();

	private final AtomicReference<@Nullable Instant> lastRefusal = new AtomicReference<>();

	private final Map<String, LongAdder> notifications = new ConcurrentHashMap<>();

	/**
	 * Create the activity.
	 * @param ticker the ticker that times waits for permits, in nanoseconds
	 * @param clock the clock that dates refusals
	 */
	public TokenPayActivity(LongSupplier ticker, Clock clock) {
		this.ticker = ticker;
		this.clock = clock;
	}

	/**
	 * Return a limiter that counts the permits of another.
	 * @param limiter the limiter
	 * @return the measured limiter
	 */
	public TokenPayRateLimiter measured(TokenPayRateLimiter limiter) {
		return new MeasuredRateLimiter(limiter);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof TokenPayNotificationObservationContext;
	}

	@Override
	public void onStop(TokenPayNotificationObservationContext context) {
		String outcome = context.getOutcome();
		this.notifications.computeIfAbsent((outcome != null) ? outcome : "unknown", (key) -> new LongAdder())
			.increment();
	}

	/**
	 * Return the rate limit permits counted so far.
	 * @return the counts
	 */
	public Permits permits() {
		return new Permits(this.granted.sum(), this.waited.sum(), this.refused.sum(),
				Duration.ofNanos(this.longestWaitNanos.get()), this.lastRefusal.get());
	}

	/**
	 * Return the notification deliveries counted so far, by outcome (such as
	 * {@code success}, {@code duplicate} or {@code bad-signature}).
	 * @return the counts, sorted by outcome
	 */
	public Map<String, Long> notifications() {
		Map<String, Long> counts = new TreeMap<>();
		this.notifications.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		return counts;
	}

	/**
	 * Rate limit permits since start.
	 *
	 * @param granted permits granted
	 * @param waited permits granted after a wait of at least a millisecond
	 * @param refused permits refused (the call failed with
	 * {@link TokenPayRateLimitException} and sent nothing)
	 * @param longestWait the longest wait for a permit
	 * @param lastRefusal when the last permit was refused, {@code null} if none was
	 */
	public record Permits(long granted, long waited, long refused, Duration longestWait,
			@Nullable Instant lastRefusal) {

	}

	private final class MeasuredRateLimiter implements TokenPayRateLimiter {

		private final TokenPayRateLimiter limiter;

		MeasuredRateLimiter(TokenPayRateLimiter limiter) {
			this.limiter = limiter;
		}

		@Override
		public Permit acquire(String appId, Duration maxWait) {
			long start = TokenPayActivity.this.ticker.getAsLong();
			try {
				Permit permit = this.limiter.acquire(appId, maxWait);
				long waitedNanos = TokenPayActivity.this.ticker.getAsLong() - start;
				TokenPayActivity.this.granted.increment();
				if (waitedNanos >= WAIT_THRESHOLD.toNanos()) {
					TokenPayActivity.this.waited.increment();
				}
				TokenPayActivity.this.longestWaitNanos.accumulateAndGet(waitedNanos, Math::max);
				return permit;
			}
			catch (TokenPayRateLimitException ex) {
				TokenPayActivity.this.refused.increment();
				TokenPayActivity.this.lastRefusal.set(TokenPayActivity.this.clock.instant());
				throw ex;
			}
		}

		@Override
		public Duration getMaxWait() {
			return this.limiter.getMaxWait();
		}

		@Override
		public String toString() {
			return this.limiter.toString();
		}

	}

}
