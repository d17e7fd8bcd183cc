package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;

import org.springframework.util.Assert;

/**
 * {@link TokenPayRateLimiter} in this JVM: {@code permits} slots per app id, each granted
 * again only a whole window after its last permit was released (see
 * {@link TokenPayRateLimiter} for why that bounds the requests at the gateway whatever
 * their delay). A caller that would have to wait longer than its maximum wait gets a
 * {@link TokenPayRateLimitException} at once instead of waiting. Time is read from a
 * ticker (nanoseconds, {@link System#nanoTime()} unless given). Thread-safe; it does not
 * coordinate several application instances.
 *
 * @author TokenPay Spring Boot team
 */
public final class LocalTokenPayRateLimiter implements TokenPayRateLimiter {

	private final int permits;

	private final Duration window;

	private final long windowNanos;

	private final Duration maxWait;

	private final LongSupplier ticker;

	private final Map<String, Slots> slotsByAppId = new ConcurrentHashMap<>();

	/**
	 * Create a limiter of permits per second.
	 * @param permitsPerSecond the permits granted in any one-second window
	 * @param maxWait the longest a caller waits for a permit
	 */
	public LocalTokenPayRateLimiter(int permitsPerSecond, Duration maxWait) {
		this(permitsPerSecond, Duration.ofSeconds(1), maxWait);
	}

	/**
	 * Create a limiter.
	 * @param permits the permits granted in any window
	 * @param window the window
	 * @param maxWait the longest a caller waits for a permit
	 */
	public LocalTokenPayRateLimiter(int permits, Duration window, Duration maxWait) {
		this(permits, window, maxWait, System::nanoTime);
	}

	/**
	 * Create a limiter that reads time from a ticker.
	 * @param permits the permits granted in any window
	 * @param window the window
	 * @param maxWait the longest a caller waits for a permit
	 * @param ticker the current time in nanoseconds, only compared with itself
	 */
	public LocalTokenPayRateLimiter(int permits, Duration window, Duration maxWait, LongSupplier ticker) {
		Assert.isTrue(permits > 0, "Permits must be positive");
		Assert.isTrue(window.compareTo(Duration.ZERO) > 0, "Window must be positive");
		Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
		Assert.notNull(ticker, "Ticker must not be null");
		this.permits = permits;
		this.window = window;
		this.windowNanos = window.toNanos();
		this.maxWait = maxWait;
		this.ticker = ticker;
	}

	@Override
	public Permit acquire(String appId, Duration maxWait) {
		return this.slotsByAppId.computeIfAbsent(appId, (key) -> new Slots()).take(maxWait);
	}

	@Override
	public Duration getMaxWait() {
		return this.maxWait;
	}

	@Override
	public String toString() {
		return "LocalTokenPayRateLimiter[" + this.permits + " per " + this.window.toMillis() + "ms, maxWait="
				+ this.maxWait + "]";
	}

	private TokenPayRateLimitException refusal(Duration maxWait) {
		return new TokenPayRateLimitException(this.permits, this.window, maxWait);
	}

	/**
	 * The slots of one app id: when each may be granted again, and whether it is held.
	 */
	private final class Slots {

		private final long[] freeAt = new long[LocalTokenPayRateLimiter.this.permits];

		private final boolean[] held = new boolean[LocalTokenPayRateLimiter.this.permits];

		private final ReentrantLock lock = new ReentrantLock();

		private final Condition released = this.lock.newCondition();

		Slots() {
			long now = LocalTokenPayRateLimiter.this.ticker.getAsLong();
			Arrays.fill(this.freeAt, now);
		}

		Permit take(Duration maxWait) {
			long deadline = LocalTokenPayRateLimiter.this.ticker.getAsLong() + maxWait.toNanos();
			this.lock.lock();
			try {
				while (true) {
					long now = LocalTokenPayRateLimiter.this.ticker.getAsLong();
					int slot = earliestFree();
					if (slot >= 0) {
						long at = this.freeAt[slot];
						if (at - deadline > 0) {
							throw refusal(maxWait);
						}
						this.held[slot] = true;
						waitUntil(slot, at, maxWait);
						return new SlotPermit(this, slot);
					}
					// every slot is held: a release now frees one a window later at the
					// earliest
					if (now + LocalTokenPayRateLimiter.this.windowNanos - deadline > 0) {
						throw refusal(maxWait);
					}
					awaitRelease(deadline - LocalTokenPayRateLimiter.this.windowNanos - now, maxWait);
				}
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * The slot that is not held and free the soonest, {@code -1} if all are held. A
		 * slot not held was released in the past, so it frees sooner than any slot
		 * released from now on.
		 */
		private int earliestFree() {
			int earliest = -1;
			for (int i = 0; i < this.freeAt.length; i++) {
				if (!this.held[i] && (earliest < 0 || this.freeAt[i] - this.freeAt[earliest] < 0)) {
					earliest = i;
				}
			}
			return earliest;
		}

		/**
		 * Wait, without the lock and holding the slot, until it is free.
		 */
		private void waitUntil(int slot, long at, Duration maxWait) {
			if (at - LocalTokenPayRateLimiter.this.ticker.getAsLong() <= 0) {
				return;
			}
			this.lock.unlock();
			boolean interrupted = false;
			try {
				long wait;
				while (!interrupted && (wait = at - LocalTokenPayRateLimiter.this.ticker.getAsLong()) > 0) {
					LockSupport.parkNanos(wait);
					interrupted = Thread.interrupted();
				}
			}
			finally {
				this.lock.lock();
			}
			if (interrupted) {
				this.held[slot] = false;
				this.released.signalAll();
				Thread.currentThread().interrupt();
				throw refusal(maxWait);
			}
		}

		private void awaitRelease(long nanos, Duration maxWait) {
			try {
				this.released.awaitNanos(Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw refusal(maxWait);
			}
		}

		void release(int slot) {
			this.lock.lock();
			try {
				this.freeAt[slot] = LocalTokenPayRateLimiter.this.ticker.getAsLong()
						+ LocalTokenPayRateLimiter.this.windowNanos;
				this.held[slot] = false;
				this.released.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}

	}

	/**
	 * A permit of one slot, released once.
	 */
	private static final class SlotPermit implements Permit {

		private final Slots slots;

		private final int slot;

		private final AtomicBoolean released = new AtomicBoolean();

		SlotPermit(Slots slots, int slot) {
			this.slots = slots;
			this.slot = slot;
		}

		@Override
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				this.slots.release(this.slot);
			}
		}

	}

}
