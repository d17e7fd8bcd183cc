package me.tokenpay.spring.resilience;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Holds each request back 0–500 ms after its rate-limit permit was taken, as a busy
 * connection pool, a GC pause or a slow network would: the adversarial timing under which
 * the limiter's bound must still hold at the gateway.
 *
 * @author TokenPay Spring Boot team
 */
public final class DelayedSends {

	private static final int MAX_DELAY_MILLIS = 500;

	private DelayedSends() {
	}

	/**
	 * Return an interceptor that delays each request by a seeded random time.
	 * @param seed the seed of the delays
	 * @return the interceptor
	 */
	public static ClientHttpRequestInterceptor interceptor(long seed) {
		Random random = new Random(seed);
		return (request, body, execution) -> {
			long delay;
			synchronized (random) {
				delay = random.nextInt(MAX_DELAY_MILLIS + 1);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delay));
			return execution.execute(request, body);
		};
	}

}
