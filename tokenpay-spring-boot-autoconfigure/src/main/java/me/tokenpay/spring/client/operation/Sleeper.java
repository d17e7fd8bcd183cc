package me.tokenpay.spring.client.operation;

import java.time.Duration;

/**
 * Waits between attempts: the thread's sleep in production, a recorder in tests, so that
 * back-off is tested by what it asks for rather than by how long it took.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface Sleeper {

	/**
	 * The current thread's {@link Thread#sleep(long)}.
	 */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	/**
	 * Wait.
	 * @param duration how long
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	void sleep(Duration duration) throws InterruptedException;

}
