package me.tokenpay.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.jdbc.TablePrefix;
import me.tokenpay.spring.journal.JdbcPayoutJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a payout journal submit costs in the caller's transaction, against the baseline of
 * the application writing one row of its own (a withdrawal record) in a transaction, on
 * an embedded H2: the journal adds its row and the row of its outbox event.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JournalSubmitBenchmark {

	private JdbcClient jdbc;

	private TransactionTemplate transactions;

	private JdbcPayoutJournal journal;

	@Setup
	public void createTables() throws Exception {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		String schema = new ClassPathResource("me/tokenpay/spring/journal/schema-postgresql.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		new ResourceDatabasePopulator(new ByteArrayResource(schema.getBytes(StandardCharsets.UTF_8)))
			.execute(dataSource);
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("CREATE TABLE WITHDRAWAL (id VARCHAR(64) PRIMARY KEY, amount VARCHAR(80), address VARCHAR(128))")
			.update();
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.journal = new JdbcPayoutJournal(dataSource, transactionManager, Clock.systemUTC(), TablePrefix.DEFAULT,
				"default");
	}

	/**
	 * The baseline: the application's own withdrawal row in a transaction.
	 * @return rows written
	 */
	@Benchmark
	public Integer withdrawalRow() {
		String id = UUID.randomUUID().toString();
		return this.transactions.execute((status) -> insertWithdrawal(id));
	}

	/**
	 * The same transaction with a journal submit beside the withdrawal row.
	 * @return the journaled payout's order number
	 */
	@Benchmark
	public String withdrawalRowAndSubmit() {
		String id = UUID.randomUUID().toString().replace("-", "");
		return this.transactions.execute((status) -> {
			insertWithdrawal(id);
			return this.journal
				.submit(CreatePayoutRequest
					.builder(new BigDecimal("12.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
					.outTradeNo(id)
					.build())
				.outTradeNo();
		});
	}

	private int insertWithdrawal(String id) {
		return this.jdbc.sql("INSERT INTO WITHDRAWAL (id, amount, address) VALUES (:id, '12.5', 'T1')")
			.param("id", id)
			.update();
	}

}
