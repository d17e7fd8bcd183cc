package me.tokenpay.spring.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a child process killed with {@code SIGKILL} at each gap of a
 * withdrawal, on PostgreSQL, and started again: every submitted payout exists exactly
 * once at the mock gateway, none is lost, each reaches its final state, and each state
 * change reached a listener at least once.
 *
 * @author TokenPay Spring Boot team
 */
class CrashTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String CREATE_PATH = PayoutTemplate.CREATE_PAYOUT.path();

	private static final String QUERY_PATH = PayoutTemplate.QUERY_PAYOUT.path();

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final Database.Tables tables = Database.POSTGRESQL.tables();

	private final JdbcPayoutJournal journal = new JdbcPayoutJournal(this.tables.dataSource(),
			new DataSourceTransactionManager(this.tables.dataSource()), Clock.systemUTC(), this.tables.prefix(),
			"default");

	private final JdbcClient jdbc = JdbcClient.create(this.tables.dataSource());

	private final List<Process> instances = new ArrayList<>();

	@TempDir
	Path logs;

	CrashTests() {
		this.jdbc.sql("CREATE TABLE " + this.tables.prefix() + "RECEIVED (id VARCHAR(36) NOT NULL)").update();
	}

	@AfterEach
	void stop() {
		this.instances.forEach(Process::destroyForcibly);
		this.server.close();
	}

	@Test
	void killedAfterTheSubmittingTransactionCommittedEveryPayoutIsStillSentOnce() {
		Process submitter = start("submit", 5, JournalInstance.SUBMITTED);
		kill(submitter);
		assertThat(this.journal.backlog()).singleElement()
			.satisfies((backlog) -> assertThat(backlog.count()).isEqualTo(5));
		assertThat(this.server.requests()).as("nothing is sent by a submit").isEmpty();
		Process runner = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(() -> state("crash-4") == JournalState.PENDING && pendingCount() == 5);
		kill(runner);
		for (int i = 0; i < 5; i++) {
			assertThat(creates("crash-" + i)).isOne();
		}
		Process publisher = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(this::everyEventReachedAListener);
		kill(publisher);
	}

	@Test
	void killedAfterTheCreateWasSentBeforeItsAnswerWasRecordedThePayoutIsAskedAboutNotSentAgain() {
		this.journal.submit(PayoutJournalTests.request("crash-sent"));
		this.server.faults().enqueueFor("create-payout", Fault.delay(Duration.ofMinutes(5)));
		Process first = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(() -> this.server.payouts().get("crash-sent") != null);
		kill(first);
		assertThat(state("crash-sent")).isEqualTo(JournalState.SENDING);
		Process second = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(() -> state("crash-sent") == JournalState.PENDING);
		await().atMost(PATIENCE).until(this::everyEventReachedAListener);
		kill(second);
		assertThat(creates("crash-sent")).isOne();
		assertThat(this.server.payouts().all()).hasSize(1);
	}

	@Test
	void killedDuringReconciliationThePayoutStillReachesItsFinalState() {
		this.journal.submit(PayoutJournalTests.request("crash-paid"));
		Process first = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(() -> state("crash-paid") == JournalState.PENDING);
		int requestsBefore = this.server.requests().size();
		this.server.faults().enqueueFor("query-payout", Fault.delay(Duration.ofMinutes(5)));
		this.server.payouts().markPaid("crash-paid");
		await().atMost(PATIENCE)
			.until(() -> this.server.requests()
				.stream()
				.skip(requestsBefore)
				.anyMatch((request) -> request.path().startsWith(QUERY_PATH)));
		kill(first);
		Process second = start("run", 0, JournalInstance.RUNNING);
		await().atMost(PATIENCE).until(() -> state("crash-paid") == JournalState.SUCCEEDED);
		await().atMost(PATIENCE).until(this::everyEventReachedAListener);
		kill(second);
		assertThat(creates("crash-paid")).isOne();
		assertThat(this.journal.find("crash-paid")).get().extracting(JournalEntry::tradeState).isEqualTo("SUCCESS");
	}

	private Process start(String mode, int count, String ready) {
		DriverManagerDataSource dataSource = (DriverManagerDataSource) this.tables.dataSource();
		Path log = this.logs.resolve("instance-" + this.instances.size() + ".log");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), JournalInstance.class.getName(), mode, Integer.toString(count),
				dataSource.getUrl(), dataSource.getUsername(), this.tables.prefix(), this.server.baseUrl(),
				this.server.credentials().appId(), this.server.credentials().mchId(),
				this.server.credentials().appSecret());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			this.instances.add(process);
			await().atMost(PATIENCE).until(() -> {
				assertThat(process.isAlive()).as("instance running; see %s", log).isTrue();
				return Files.readString(log, StandardCharsets.UTF_8).lines().anyMatch(ready::equals);
			});
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void kill(Process process) {
		process.destroyForcibly();
		try {
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JournalState state(String outTradeNo) {
		return this.journal.find(outTradeNo).orElseThrow().state();
	}

	private long pendingCount() {
		return this.journal.backlog()
			.stream()
			.filter((backlog) -> backlog.state() == JournalState.PENDING)
			.mapToLong(JournalBacklog::count)
			.sum();
	}

	/**
	 * Return whether every event the journal wrote is published and reached the
	 * instances' listener at least once.
	 */
	private boolean everyEventReachedAListener() {
		String prefix = this.tables.prefix();
		long unpublished = this.jdbc.sql("SELECT COUNT(*) FROM " + prefix + "JOURNAL_EVENT WHERE published_at IS NULL")
			.query(Long.class)
			.single();
		long missed = this.jdbc
			.sql("SELECT COUNT(*) FROM " + prefix + "JOURNAL_EVENT e WHERE NOT EXISTS (SELECT 1 FROM " + prefix
					+ "RECEIVED r WHERE r.id = e.id)")
			.query(Long.class)
			.single();
		return unpublished == 0 && missed == 0;
	}

	private long creates(String outTradeNo) {
		return this.server.requests()
			.stream()
			.filter((request) -> request.path().equals(CREATE_PATH))
			.filter((request) -> request.bodyAsString().contains("\"out_trade_no\":\"" + outTradeNo + "\""))
			.count();
	}

}
