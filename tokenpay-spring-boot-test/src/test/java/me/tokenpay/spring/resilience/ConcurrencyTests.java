package me.tokenpay.spring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads through one template against {@link MockTokenPayServer} with a few percent
 * of injected faults.
 *
 * @author TokenPay Spring Boot team
 */
class ConcurrencyTests {

	private static final int THREADS = 64;

	private static final int CALLS = 3000;

	private static final String POOL = "resilience-load-";

	@Test
	void sixtyFourThreadsShareOneTemplateUnderInjectedFaults() throws Exception {
		Set<String> threadsBefore = liveThreadNames();
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = TestTokenPayClient.create(server, "tokenpay.retry.max-attempts=3",
						"tokenpay.rate-limit.enabled=false", "tokenpay.connect-timeout=5s", "tokenpay.read-timeout=10s",
						"tokenpay.retry.deadline=60s")) {
			List<String> payoutIds = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				String payoutId = String.format("load-%05d", i);
				server.payouts().seed(payoutId, PayoutState.PENDING);
				payoutIds.add(payoutId);
			}
			server.faults()
				.injectRandomly(0.03, 20250601L, Fault.httpStatus(503), Fault.connectionReset(),
						Fault.gatewayCode(11001), Fault.htmlErrorPage());
			TokenPayTemplate template = client.template();
			Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
			List<Throwable> unexpected = new CopyOnWriteArrayList<>();
			ExecutorService executor = Executors.newFixedThreadPool(THREADS, namedThreads());
			List<Future<?>> futures = new ArrayList<>();
			for (String payoutId : payoutIds) {
				futures.add(executor.submit(() -> {
					try {
						template.cancelPayout(payoutId);
						outcomes.computeIfAbsent("success", (key) -> new AtomicInteger()).incrementAndGet();
					}
					catch (TokenPayException ex) {
						outcomes.computeIfAbsent(ex.getClass().getSimpleName(), (key) -> new AtomicInteger())
							.incrementAndGet();
					}
					catch (Throwable ex) {
						unexpected.add(ex);
					}
				}));
			}
			executor.shutdown();
			assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).as("all calls end in time").isTrue();
			for (Future<?> future : futures) {
				assertThat(future).isDone();
			}
			assertThat(unexpected).isEmpty();
			int ended = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
			assertThat(ended).as("outcomes %s", outcomes).isEqualTo(CALLS);
			assertThat(outcomes.get("success").get()).isGreaterThan(CALLS * 9 / 10);
			List<MockTokenPayRequest> requests = server.requests();
			assertThat(requests.size()).isGreaterThan(CALLS);
			assertThat(requests).filteredOn((request) -> Integer.valueOf(103).equals(request.code())).isEmpty();
			assertThat(requests).filteredOn((request) -> request.fault() != null).isNotEmpty();
			Set<String> nonces = requests.stream()
				.map((request) -> request.header("Authorization").replaceAll(".*nonce_str=([^,]*),.*", "$1"))
				.collect(Collectors.toSet());
			assertThat(nonces).hasSize(requests.size());
			int successes = outcomes.get("success").get();
			int unknown = count(outcomes, "TokenPayOutcomeUnknownException")
					+ count(outcomes, "TokenPayTimeoutException");
			assertThat(requests).filteredOn((request) -> Integer.valueOf(0).equals(request.code()))
				.as("payouts closed by the gateway, outcomes %s", outcomes)
				.hasSizeBetween(successes, successes + unknown);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasNumberOfObservationsWithNameEqualTo(DefaultTokenPayClientObservationConvention.NAME, CALLS);
		}
		assertNoLeakedThreads(threadsBefore);
	}

	@Test
	void sixtyFourCallersNeverReportACallThatReachedTheGatewayAsNothingSent() throws Exception {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = TestTokenPayClient.create(server, "tokenpay.retry.max-attempts=3",
						"tokenpay.rate-limit.enabled=true", "tokenpay.rate-limit.permits=200",
						"tokenpay.rate-limit.max-wait=0ms", "tokenpay.read-timeout=500ms",
						"tokenpay.retry.deadline=20s")) {
			List<String> payoutIds = new ArrayList<>();
			for (int i = 0; i < 640; i++) {
				payoutIds.add(server.payouts().seedOpen());
			}
			server.faults()
				.injectRandomly(0.2, 20261204L, Fault.connectionReset(), Fault.resetAfterApplying(),
						Fault.delay(Duration.ofMillis(800)), Fault.httpStatus(503), Fault.gatewayCode(11001));
			TokenPayTemplate template = client.template();
			Map<String, TokenPayException> failures = new ConcurrentHashMap<>();
			ExecutorService executor = Executors.newFixedThreadPool(THREADS, namedThreads());
			for (String payoutId : payoutIds) {
				executor.submit(() -> {
					try {
						template.cancelPayout(payoutId);
					}
					catch (TokenPayException ex) {
						failures.put(payoutId, ex);
					}
				});
			}
			executor.shutdown();
			assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).as("all calls end in time").isTrue();
			Map<String, Long> requestsByPayout = server.requests()
				.stream()
				.map((request) -> request.bodyAsString().replaceAll(".*\"payout_id\":\"([^\"]*)\".*", "$1"))
				.collect(Collectors.groupingBy((id) -> id, Collectors.counting()));
			assertThat(failures).as("some calls fail").isNotEmpty();
			failures.forEach((payoutId, failure) -> {
				if (requestsByPayout.containsKey(payoutId)) {
					assertThat(nothingSent(failure)).as("%s for %s, which reached the gateway", failure, payoutId)
						.isFalse();
				}
				if (failure.isOutcomeUnknown() || nothingSent(failure)) {
					return;
				}
				assertThat(failure).as("a settled failure is a gateway refusal")
					.isInstanceOf(TokenPayApiException.class);
			});
		}
	}

	private static boolean nothingSent(TokenPayException failure) {
		return failure instanceof TokenPayRateLimitException
				|| (failure instanceof TokenPayTransportException transport && !transport.isRequestSent());
	}

	private static int count(Map<String, AtomicInteger> outcomes, String type) {
		AtomicInteger count = outcomes.get(type);
		return (count != null) ? count.get() : 0;
	}

	private static void assertNoLeakedThreads(Set<String> before) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		Set<String> leaked = leakedThreads(before);
		while (!leaked.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			leaked = leakedThreads(before);
		}
		assertThat(leaked).isEmpty();
	}

	private static Set<String> leakedThreads(Set<String> before) {
		Set<String> now = liveThreadNames();
		now.removeAll(before);
		now.removeIf((name) -> name.startsWith("HttpClient-") || name.startsWith("mock-tokenpay-")
				|| name.startsWith("ForkJoinPool") || name.startsWith("CompletableFutureDelayScheduler")
				|| name.startsWith("Attach Listener") || name.startsWith("process reaper"));
		return now;
	}

	private static Set<String> liveThreadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.collect(Collectors.toCollection(HashSet::new));
	}

	private static ThreadFactory namedThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> new Thread(runnable, POOL + count.incrementAndGet());
	}

}
