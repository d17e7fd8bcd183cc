package me.tokenpay.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.TokenPayTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MockTokenPayServer} under concurrent calls through one
 * {@link TokenPayTemplate}.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 50;

	private MockTokenPayServer server;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start();
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void concurrentCancelsOfDistinctPayoutsAllSucceed() throws Exception {
		TokenPayTemplate template = TokenPayTemplates.template(this.server);
		List<List<String>> payoutIds = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			List<String> ids = new ArrayList<>();
			for (int call = 0; call < CALLS_PER_THREAD; call++) {
				ids.add(this.server.payouts().seedOpen());
			}
			payoutIds.add(ids);
		}
		Set<String> requestIds = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (List<String> ids : payoutIds) {
				futures.add(executor.submit(() -> {
					start.await();
					for (String id : ids) {
						requestIds.add(template.cancelPayout(id).requestId());
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		int total = THREADS * CALLS_PER_THREAD;
		assertThat(requestIds).hasSize(total);
		assertThat(payoutIds).allSatisfy((ids) -> assertThat(ids)
			.allSatisfy((id) -> assertThat(this.server.payouts().state(id)).isEqualTo(PayoutState.CLOSED)));
		List<MockTokenPayRequest> requests = this.server.requests();
		assertThat(requests).hasSize(total).allSatisfy((request) -> assertThat(request.code()).isZero());
		assertThat(requests).extracting((request) -> nonceOf(request.header("Authorization"))).doesNotHaveDuplicates();
	}

	private static String nonceOf(String authorization) {
		int start = authorization.indexOf("nonce_str=") + "nonce_str=".length();
		return authorization.substring(start, authorization.indexOf(',', start));
	}

}
