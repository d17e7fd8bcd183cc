package me.tokenpay.spring.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local limiter's bound holds at the gateway whatever the delay between a permit and
 * its request: each request is held back 0–500 ms after its permit (as a busy connection
 * pool, a GC pause or a slow network would), and the mock gateway, counting arrivals in
 * every sliding second, refuses none.
 *
 * @author TokenPay Spring Boot team
 */
class RateLimitGuaranteeTests {

	private static final int CALLS = 30;

	@Test
	void requestsDelayedAfterTheirPermitNeverExceedTheLimitAtTheGateway() throws Exception {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = TestTokenPayClient.create(server,
						(context) -> context.registerBean(RestClient.Builder.class,
								() -> RestClient.builder().requestInterceptor(DelayedSends.interceptor(20261204L))),
						"tokenpay.rate-limit.enabled=true", "tokenpay.rate-limit.max-wait=30s",
						"tokenpay.retry.max-attempts=1", "tokenpay.retry.deadline=60s")) {
			server.faults().enforceRateLimit(true);
			String payoutId = server.payouts().seedOpen();
			AtomicInteger succeeded = new AtomicInteger();
			ExecutorService executor = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> calls = new ArrayList<>();
				for (int i = 0; i < CALLS; i++) {
					calls.add(executor.submit(() -> {
						client.template().payouts().get(PayoutQuery.byTransactionId(payoutId));
						succeeded.incrementAndGet();
					}));
				}
				for (Future<?> call : calls) {
					call.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(succeeded).hasValue(CALLS);
			assertThat(server.requests()).hasSize(CALLS)
				.extracting(MockTokenPayRequest::code)
				.as("no request over the gateway's limit")
				.containsOnly(0);
		}
	}

}
