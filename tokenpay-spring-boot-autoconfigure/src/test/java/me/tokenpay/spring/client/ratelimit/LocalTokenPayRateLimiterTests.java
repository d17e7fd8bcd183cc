package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import me.tokenpay.spring.client.TestCredentials;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter.Permit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LocalTokenPayRateLimiter}: decisions driven by a ticker the tests
 * move, and real concurrency checked for what must never happen (more arrivals in a
 * window than permits), never for how long it took.
 *
 * @author TokenPay Spring Boot team
 */
class LocalTokenPayRateLimiterTests {

	private static final String APP_ID = TestCredentials.APP_ID;

	private static final Duration WINDOW = Duration.ofSeconds(1);

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final Duration SHORT_WINDOW = Duration.ofMillis(20);

	private final AtomicLong ticker = new AtomicLong(42 * MS);

	private LocalTokenPayRateLimiter limiter(int permits, Duration maxWait) {
		return new LocalTokenPayRateLimiter(permits, WINDOW, maxWait, this.ticker::get);
	}

	@Test
	void grantsEveryPermitAtOnceWhenIdleAndRefusesTheNext() {
		LocalTokenPayRateLimiter limiter = limiter(3, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID))
			.withMessageContaining("3 requests per 1000ms")
			.withMessageContaining("nothing was sent");
	}

	@Test
	void aHeldPermitKeepsItsSlotHoweverLongItIsHeld() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ofHours(1));
		limiter.acquire(APP_ID);
		this.ticker.addAndGet(TimeUnit.MINUTES.toNanos(10));
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(APP_ID, Duration.ZERO));
	}

	@Test
	void theWindowOfAPermitStartsWhenItIsReleased() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ZERO);
		Permit permit = limiter.acquire(APP_ID);
		this.ticker.addAndGet(700 * MS);
		permit.release();
		this.ticker.addAndGet(999 * MS);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
		this.ticker.addAndGet(MS);
		limiter.acquire(APP_ID);
	}

	@ParameterizedTest(name = "slot {0} released first")
	@ValueSource(ints = { 0, 1 })
	void theSlotThatFreesFirstIsGrantedFirstWhateverItsPlace(int releasedFirst) {
		LocalTokenPayRateLimiter limiter = limiter(2, Duration.ZERO);
		Permit[] permits = { limiter.acquire(APP_ID), limiter.acquire(APP_ID) };
		permits[releasedFirst].release();
		this.ticker.addAndGet(500 * MS);
		permits[1 - releasedFirst].release();
		this.ticker.addAndGet(500 * MS);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void aCallerMayWaitUpToItsMaxWaitForAFreedSlot() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ZERO);
		limiter.acquire(APP_ID).release();
		this.ticker.addAndGet(WINDOW.toNanos() - MS);
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire(APP_ID, Duration.ofNanos(MS - 1)));
	}

	@Test
	void releasingTwiceDoesNotMoveTheWindow() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ZERO);
		Permit permit = limiter.acquire(APP_ID);
		permit.release();
		this.ticker.addAndGet(500 * MS);
		permit.close();
		this.ticker.addAndGet(500 * MS);
		limiter.acquire(APP_ID);
	}

	@Test
	void aRefusedCallerTakesNoSlot() {
		LocalTokenPayRateLimiter limiter = limiter(2, Duration.ZERO);
		Permit first = limiter.acquire(APP_ID);
		Permit second = limiter.acquire(APP_ID);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
		}
		first.release();
		second.release();
		this.ticker.addAndGet(WINDOW.toNanos());
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void aCallerThatWouldWaitLongerThanItsMaxWaitFailsWithoutWaiting() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ofMillis(100));
		limiter.acquire(APP_ID).release();
		long before = this.ticker.get();
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID))
			.withMessageContaining("100ms");
		assertThat(this.ticker.get()).isEqualTo(before);
	}

	@Test
	void aCallerWhoseMaxWaitIsShorterThanAWindowFailsAtOnceWhenEverySlotIsHeld() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ofMillis(999));
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void eachAppIdHasItsOwnSlots() {
		LocalTokenPayRateLimiter limiter = limiter(1, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire("another-app-id");
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void aWaiterGetsTheSlotThatAReleaseFrees() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofMillis(20),
				Duration.ofMinutes(1));
		Permit held = limiter.acquire(APP_ID);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Permit> waiter = executor.submit(() -> limiter.acquire(APP_ID));
			assertThat(waiter.isDone()).isFalse();
			held.release();
			assertThat(waiter.get(1, TimeUnit.MINUTES)).isNotNull();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void anInterruptedWaiterFailsKeepsItsInterruptAndLeavesTheSlots() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofMillis(20),
				Duration.ofMinutes(1));
		Permit held = limiter.acquire(APP_ID);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean interruptedAfterwards = new AtomicBoolean();
		CountDownLatch started = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			started.countDown();
			try {
				limiter.acquire(APP_ID);
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
			interruptedAfterwards.set(Thread.currentThread().isInterrupted());
		}, "rate-limit-waiter");
		waiter.start();
		assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
		while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
			Thread.onSpinWait();
		}
		waiter.interrupt();
		waiter.join(TimeUnit.MINUTES.toMillis(1));
		assertThat(failure.get()).isInstanceOf(TokenPayRateLimitException.class);
		assertThat(interruptedAfterwards).isTrue();
		held.release();
		assertThat(limiter.acquire(APP_ID)).isNotNull();
	}

	@Test
	void arrivalsAnywhereWithinTheirHoldNeverExceedThePermitsInAnyWindow() throws Exception {
		int permits = 3;
		Duration window = Duration.ofMillis(50);
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(permits, window, Duration.ofMinutes(1));
		List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Random random = new Random(i);
				calls.add(executor.submit(() -> {
					for (int n = 0; n < 10; n++) {
						try (Permit permit = limiter.acquire(APP_ID)) {
							holdFor(random.nextInt(30));
							arrivals.add(System.nanoTime());
							holdFor(random.nextInt(30));
						}
					}
					return null;
				}));
			}
			for (Future<?> call : calls) {
				call.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(arrivals).hasSize(80);
		assertThat(mostInAnyWindow(arrivals, window.toNanos())).isLessThanOrEqualTo(permits);
	}

	@Test
	void slotsStartFreeAtTheTickersFirstReadingEvenANegativeOne() {
		this.ticker.set(-TimeUnit.DAYS.toNanos(3));
		LocalTokenPayRateLimiter limiter = limiter(2, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void aCallerWaitsExactlyItsMaxWaitWhenThatIsWhenTheSlotFrees() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, SHORT_WINDOW, Duration.ZERO,
				this.ticker::get);
		limiter.acquire(APP_ID).release();
		Caller caller = Caller.start(() -> limiter.acquire(APP_ID, SHORT_WINDOW));
		caller.awaitParked();
		this.ticker.addAndGet(SHORT_WINDOW.toNanos());
		assertThat(caller.permit()).isNotNull();
	}

	@Test
	void aCallerWaitingForAReleaseGetsTheSlotAWindowAfterIt() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, SHORT_WINDOW, Duration.ZERO,
				this.ticker::get);
		Permit held = limiter.acquire(APP_ID);
		Caller caller = Caller.start(() -> limiter.acquire(APP_ID, SHORT_WINDOW));
		caller.awaitParked();
		held.release();
		this.ticker.addAndGet(SHORT_WINDOW.toNanos() - 1);
		Caller other = Caller.start(() -> limiter.acquire(APP_ID, Duration.ZERO));
		assertThat(other.failure()).as("the slot is promised to the waiter")
			.isInstanceOf(TokenPayRateLimitException.class);
		this.ticker.addAndGet(1);
		assertThat(caller.permit()).isNotNull();
	}

	@Test
	void aCallerInterruptedWhileWaitingForAFreedSlotGivesTheSlotBack() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, SHORT_WINDOW, Duration.ZERO,
				this.ticker::get);
		limiter.acquire(APP_ID).release();
		Caller caller = Caller.start(() -> limiter.acquire(APP_ID, Duration.ofHours(1)));
		caller.awaitParked();
		caller.thread.interrupt();
		assertThat(caller.failure()).isInstanceOf(TokenPayRateLimitException.class);
		assertThat(caller.interruptedAfterwards).isTrue();
		this.ticker.addAndGet(SHORT_WINDOW.toNanos());
		assertThat(limiter.acquire(APP_ID, Duration.ZERO)).as("the slot is free again").isNotNull();
	}

	@Test
	void aCallerWaitingForAReleaseIsRefusedOnceItsMaxWaitCanNoLongerBeMet() throws Exception {
		Duration window = Duration.ofHours(1);
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, window, Duration.ZERO, this.ticker::get);
		limiter.acquire(APP_ID);
		Caller caller = Caller.start(() -> limiter.acquire(APP_ID, window.plus(SHORT_WINDOW)));
		caller.awaitParked();
		this.ticker.addAndGet(SHORT_WINDOW.toNanos() + 1);
		assertThat(caller.failure()).isInstanceOf(TokenPayRateLimitException.class);
	}

	@Test
	void aSlotGivenBackByAnInterruptedCallerGoesToTheNextWaiter() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, SHORT_WINDOW, Duration.ZERO,
				this.ticker::get);
		limiter.acquire(APP_ID).release();
		Caller first = Caller.start(() -> limiter.acquire(APP_ID, Duration.ofHours(1)));
		first.awaitParked();
		Caller second = Caller.start(() -> limiter.acquire(APP_ID, Duration.ofHours(1)));
		second.awaitParked();
		first.thread.interrupt();
		assertThat(first.failure()).isInstanceOf(TokenPayRateLimitException.class);
		this.ticker.addAndGet(SHORT_WINDOW.toNanos());
		assertThat(second.permit()).isNotNull();
	}

	@Test
	void rejectsUnusableSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalTokenPayRateLimiter(0, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalTokenPayRateLimiter(5, Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LocalTokenPayRateLimiter(5, Duration.ZERO, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LocalTokenPayRateLimiter(5, Duration.ofNanos(1), Duration.ZERO, null))
			.withMessage("Ticker must not be null");
	}

	@Test
	void toStringShowsTheLimitAndMaxWait() {
		assertThat(new LocalTokenPayRateLimiter(5, Duration.ofSeconds(2)))
			.hasToString("LocalTokenPayRateLimiter[5 per 1000ms, maxWait=PT2S]");
	}

	/**
	 * The most arrivals in any half-open interval of a window's length.
	 */
	static int mostInAnyWindow(List<Long> arrivals, long windowNanos) {
		List<Long> sorted = new ArrayList<>(arrivals);
		Collections.sort(sorted);
		int most = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			while (sorted.get(last) - sorted.get(first) >= windowNanos) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	private static void holdFor(int millis) {
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (System.nanoTime() - until < 0) {
			Thread.onSpinWait();
		}
	}

	/**
	 * A caller of the limiter on a thread of its own, so that a test can move the ticker
	 * while it waits.
	 */
	private static final class Caller {

		private final Thread thread;

		private final AtomicReference<Object> result = new AtomicReference<>();

		private volatile boolean interruptedAfterwards;

		private Caller(Callable<Permit> call) {
			this.thread = new Thread(() -> {
				try {
					this.result.set(call.call());
				}
				catch (Throwable ex) {
					this.result.set(ex);
				}
				this.interruptedAfterwards = Thread.currentThread().isInterrupted();
			}, "rate-limit-caller");
		}

		static Caller start(Callable<Permit> call) {
			Caller caller = new Caller(call);
			caller.thread.start();
			return caller;
		}

		/**
		 * Wait until the caller waits in the limiter (or has finished, which the test's
		 * assertions then reveal).
		 */
		void awaitParked() {
			while (this.thread.getState() != Thread.State.TIMED_WAITING && this.thread.isAlive()) {
				Thread.onSpinWait();
			}
		}

		Object finish() throws InterruptedException {
			this.thread.join(TimeUnit.MINUTES.toMillis(1));
			assertThat(this.thread.isAlive()).as("caller finished").isFalse();
			return this.result.get();
		}

		Permit permit() throws InterruptedException {
			Object result = finish();
			assertThat(result).isInstanceOf(Permit.class);
			return (Permit) result;
		}

		Throwable failure() throws InterruptedException {
			Object result = finish();
			assertThat(result).isInstanceOf(Throwable.class);
			return (Throwable) result;
		}

	}

}
