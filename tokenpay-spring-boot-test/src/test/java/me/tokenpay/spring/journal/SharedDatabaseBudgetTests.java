package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.ratelimit.JdbcTokenPayRateLimiter;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances on one PostgreSQL and no Redis
 * ({@code tokenpay.rate-limit.store=jdbc}): 300 journaled payouts of one app id are each
 * created once, and the mock gateway, which enforces TokenPay's 5 requests per second,
 * refuses none. The rate reached is logged (machines are noisy: it is measured, not
 * asserted; see docs/benchmarks.md).
 *
 * @author TokenPay Spring Boot team
 */
class SharedDatabaseBudgetTests {

	private static final Log logger = LogFactory.getLog(SharedDatabaseBudgetTests.class);

	private static final int PAYOUTS = 300;

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final ExecutorService executor = Executors.newFixedThreadPool(3);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
		this.server.close();
	}

	@Test
	void threeInstancesCreateEveryPayoutOnceWithinTheGatewaysLimit() throws Exception {
		this.server.faults().enforceRateLimit(true);
		Database.Tables tables = Database.POSTGRESQL.tables();
		JdbcPayoutJournal journal = journal(tables);
		for (int i = 0; i < PAYOUTS; i++) {
			journal.submit(CreatePayoutRequest
				.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
				.outTradeNo("budget-" + i)
				.build());
		}
		List<Future<?>> instances = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			PayoutJournalDispatcher dispatcher = instance(tables);
			instances.add(this.executor.submit(() -> {
				while (dispatcher.runOnce() > 0) {
					// each run claims a batch; an empty run means the others hold the
					// rest
				}
			}));
		}
		for (Future<?> instance : instances) {
			instance.get();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(journal.backlog()).singleElement().satisfies((backlog) -> {
			assertThat(backlog.state()).isEqualTo(JournalState.PENDING);
			assertThat(backlog.count()).isEqualTo(PAYOUTS);
		});
		assertThat(this.server.payouts().all()).hasSize(PAYOUTS);
		assertThat(this.server.requests()).as("answers of the gateway's rate limit")
			.noneMatch((request) -> Integer.valueOf(11001).equals(request.code()));
		assertThat(this.server.requests()).filteredOn((request) -> request.path().equals(CREATE_PATH)).hasSize(PAYOUTS);
		double perSecond = (PAYOUTS - 1) / (elapsed.toNanos() / 1e9);
		logger.info(String.format("%d payouts on three instances in %.1f s: %.2f per second, %.0f%% of the budget",
				PAYOUTS, elapsed.toNanos() / 1e9, perSecond, perSecond / 5 * 100));
	}

	private static final String CREATE_PATH = PayoutTemplate.CREATE_PAYOUT.path();

	private JdbcPayoutJournal journal(Database.Tables tables) {
		return new JdbcPayoutJournal(tables.dataSource(), new DataSourceTransactionManager(tables.dataSource()),
				Clock.systemUTC(), tables.prefix(), "default");
	}

	private PayoutJournalDispatcher instance(Database.Tables tables) {
		JdbcTokenPayRateLimiter limiter = new JdbcTokenPayRateLimiter(tables.dataSource(), tables.prefix(), 5,
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), System::nanoTime);
		TokenPayTemplate template = TokenPayTemplate.builder()
			.settings(TokenPayClientSettings.defaults(URI.create(this.server.baseUrl())))
			.credentials(this.server.credentials())
			.rateLimiter(limiter)
			.build();
		return new PayoutJournalDispatcher(journal(tables), (merchant) -> template, Clock.systemUTC(),
				new PayoutJournalDispatcher.Settings(Duration.ofMinutes(5), 20, Duration.ofHours(1),
						Duration.ofHours(1), Duration.ofSeconds(5)));
	}

}
