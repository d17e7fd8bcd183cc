package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.PayoutSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application instance of the crash tests, run as a child process so that the tests
 * can kill it with {@code SIGKILL} at any instant: {@code submit <count>} writes payouts
 * in one transaction, prints {@value #SUBMITTED} and waits to be killed; {@code run}
 * dispatches, reconciles and publishes until killed, its listener recording every event
 * it receives in a table of the test's.
 *
 * @author TokenPay Spring Boot team
 */
public final class JournalInstance {

	/**
	 * The line printed once the submitting transaction committed.
	 */
	static final String SUBMITTED = "SUBMITTED";

	/**
	 * The line printed once the worker runs.
	 */
	static final String RUNNING = "RUNNING";

	private JournalInstance() {
	}

	/**
	 * Run an instance: {@code <mode> <count> <jdbc url> <user> <table prefix> <base url>
	 * <app id> <mch id> <app secret>}.
	 * @param args the arguments
	 * @throws InterruptedException when interrupted while waiting to be killed
	 */
	public static void main(String[] args) throws InterruptedException {
		DataSource dataSource = new DriverManagerDataSource(args[2], args[3], "");
		String prefix = args[4];
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		JdbcPayoutJournal journal = new JdbcPayoutJournal(dataSource, transactions, Clock.systemUTC(), prefix,
				"default");
		if (args[0].equals("submit")) {
			int count = Integer.parseInt(args[1]);
			new TransactionTemplate(transactions).executeWithoutResult((status) -> {
				for (int i = 0; i < count; i++) {
					journal.submit(CreatePayoutRequest
						.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
						.outTradeNo("crash-" + i)
						.build());
				}
			});
			System.out.println(SUBMITTED);
		}
		else {
			TokenPayTemplate template = TokenPayTemplate.builder()
				.settings(TokenPayClientSettings.defaults(URI.create(args[5])))
				.credentials(new TokenPayCredentials(args[6], args[7], args[8]))
				.payoutSettings(PayoutSettings.defaults().withResolveAttempts(0))
				.readTimeout(Duration.ofSeconds(30))
				.build();
			PayoutJournalDispatcher dispatcher = new PayoutJournalDispatcher(journal, (merchant) -> template,
					Clock.systemUTC(), new PayoutJournalDispatcher.Settings(Duration.ofSeconds(3), 20,
							Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(200)));
			JdbcClient jdbc = JdbcClient.create(dataSource);
			PayoutJournalEventPublisher publisher = new PayoutJournalEventPublisher(journal,
					(event) -> jdbc.sql("INSERT INTO " + prefix + "RECEIVED (id) VALUES (:id)")
						.param("id", ((JournalEvent) event).id())
						.update(),
					Duration.ofSeconds(2), 20);
			new PayoutJournalWorker(dispatcher, publisher, Duration.ofMillis(100), 20).start();
			System.out.println(RUNNING);
		}
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
