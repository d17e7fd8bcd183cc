package me.tokenpay.spring.test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * TokenPay's documented limit: at most {@value MockTokenPayServer#RATE_LIMIT_PER_SECOND}
 * requests in any one-second window, beyond which the gateway answers 11001.
 *
 * @author TokenPay Spring Boot team
 */
final class RateLimitWindow {

	private final Deque<Instant> recent = new ArrayDeque<>();

	private volatile boolean enforced;

	void enforce(boolean enforced) {
		this.enforced = enforced;
	}

	/**
	 * Count a request.
	 * @param now the server's time
	 * @throws Rejection with code 11001 if the limit is enforced and reached
	 */
	void check(Instant now) {
		if (!this.enforced) {
			return;
		}
		synchronized (this.recent) {
			while (!this.recent.isEmpty() && this.recent.peekFirst().isBefore(now.minusSeconds(1).plusNanos(1))) {
				this.recent.pollFirst();
			}
			if (this.recent.size() >= MockTokenPayServer.RATE_LIMIT_PER_SECOND) {
				throw new Rejection(11001, "Operate too frequently, please try again later");
			}
			this.recent.addLast(now);
		}
	}

	void reset() {
		this.enforced = false;
		synchronized (this.recent) {
			this.recent.clear();
		}
	}

}
