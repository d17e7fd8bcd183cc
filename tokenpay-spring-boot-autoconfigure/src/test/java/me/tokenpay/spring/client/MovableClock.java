package me.tokenpay.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move by hand, so that time-dependent code is tested without waiting.
 *
 * @author TokenPay Spring Boot team
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	/**
	 * Create a clock.
	 * @param start the time it shows until moved
	 */
	public MovableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/**
	 * Move the clock.
	 * @param duration how far, forward for a positive one
	 */
	public void move(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
