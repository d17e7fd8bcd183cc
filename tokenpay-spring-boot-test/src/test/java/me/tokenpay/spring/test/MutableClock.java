package me.tokenpay.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it.
 *
 * @author TokenPay Spring Boot team
 */
final class MutableClock extends Clock {

	private final AtomicReference<Instant> instant;

	MutableClock(Instant instant) {
		this.instant = new AtomicReference<>(instant);
	}

	void advance(Duration duration) {
		this.instant.updateAndGet((current) -> current.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.instant.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("MutableClock is always UTC");
	}

}
