package me.tokenpay.spring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LocalTokenPayRateLimiter}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRateLimiterTests {

	private static final String APP_ID = "8e4b8c2e7c0123456789a1cbd3d59e0b";

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void grantsNoMoreThanTheRateInAnySecondAcrossThreads() throws Exception {
		int rate = 5;
		int permits = 12;
		long start = System.nanoTime();
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(rate, Duration.ofSeconds(10));
		List<Long> grantedAt = Collections.synchronizedList(new ArrayList<>());
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < permits; i++) {
				futures.add(executor.submit(() -> {
					limiter.acquire(APP_ID);
					grantedAt.add(System.nanoTime());
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<Long> sorted = new ArrayList<>(grantedAt);
		Collections.sort(sorted);
		assertThat(sorted).hasSize(permits);
		for (int k = 0; k < permits; k++) {
			long earliest = start + (k / rate) * SECOND;
			assertThat(sorted.get(k)).as("permit %d of %d/s", k, rate).isGreaterThanOrEqualTo(earliest);
		}
		for (int k = rate; k < permits; k++) {
			assertThat(sorted.get(k) - start).as("permit %d must wait for the window of permit %d", k, k - rate)
				.isGreaterThanOrEqualTo(SECOND);
		}
	}

	@Test
	void grantsTheFullRateAtOnceWhenIdle() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(3, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void callerThatWouldWaitLongerThanMaxWaitFailsAtOnce() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofMillis(100));
		limiter.acquire(APP_ID);
		long start = System.nanoTime();
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID))
			.withMessageContaining("1 requests per 1000ms")
			.withMessageContaining("100ms")
			.withMessageContaining("nothing was sent");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
	}

	@Test
	void maxWaitZeroFailsImmediatelyWhenSaturated() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(2, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		long start = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
	}

	@Test
	void refusedCallerDoesNotTakeAPermit() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(2, Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
		}
		Thread.sleep(1100);
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

	@Test
	void waiterWaitsForTheNextWindowWithinMaxWait() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofSeconds(5));
		long start = System.nanoTime();
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SECOND);
	}

	@Test
	void interruptedWaiterFailsWithRateLimitExceptionAndKeepsInterruptFlag() throws Exception {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofSeconds(30));
		limiter.acquire(APP_ID);
		limiter.acquire(APP_ID);
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
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		waiter.interrupt();
		waiter.join(10_000);
		assertThat(waiter.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(TokenPayRateLimitException.class);
		assertThat(interruptedAfterwards).isTrue();
	}

	@Test
	void rejectsNonPositiveRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalTokenPayRateLimiter(0, Duration.ZERO));
	}

	@Test
	void rejectsNegativeMaxWait() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalTokenPayRateLimiter(5, Duration.ofMillis(-1)));
	}

	@Test
	void toStringShowsRateAndMaxWait() {
		assertThat(new LocalTokenPayRateLimiter(5, Duration.ofSeconds(2)))
			.hasToString("LocalTokenPayRateLimiter[5 per 1000ms, maxWait=PT2S]");
	}

	@Test
	void eachAppIdHasItsOwnBudget() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofSeconds(1), Duration.ZERO);
		limiter.acquire(APP_ID);
		limiter.acquire("another-app-id");
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> limiter.acquire(APP_ID));
	}

}
