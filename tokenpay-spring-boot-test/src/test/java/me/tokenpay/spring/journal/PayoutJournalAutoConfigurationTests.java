package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import me.tokenpay.spring.autoconfigure.InvalidTokenPayPropertyException;
import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.autoconfigure.TokenPayJournalAutoConfiguration;
import me.tokenpay.spring.autoconfigure.TokenPayNotificationAutoConfiguration;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.notification.NotificationReply;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.ratelimit.JdbcTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.OrderDetail;
import me.tokenpay.spring.test.SignedNotification;
import me.tokenpay.spring.test.TokenPayNotifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayJournalAutoConfiguration} on an embedded H2.
 *
 * @author TokenPay Spring Boot team
 */
class PayoutJournalAutoConfigurationTests {

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TokenPayAutoConfiguration.class,
				TokenPayNotificationAutoConfiguration.class, TokenPayJournalAutoConfiguration.class))
		.withPropertyValues(this.server.propertyValues())
		.withPropertyValues("spring.datasource.generate-unique-name=true", "tokenpay.journal.poll-interval=1h");

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void isOffUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PayoutJournal.class)
			.doesNotHaveBean(PayoutJournalWorker.class));
	}

	@Test
	void createsItsTablesInAnEmbeddedDatabaseAndDispatchesThroughTheMerchantsPipeline() {
		this.contextRunner.withPropertyValues("tokenpay.journal.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(PayoutJournalWorker.class)
				.hasSingleBean(PayoutJournalNotificationHandler.class);
			PayoutJournal journal = context.getBean(PayoutJournal.class);
			journal.submit(request("order-1"));
			assertThat(context.getBean(PayoutJournalDispatcher.class).runOnce()).isOne();
			assertThat(journal.find("order-1")).get().extracting(JournalEntry::state).isEqualTo(JournalState.PENDING);
			assertThat(this.server.payouts().get("order-1")).isNotNull();
		});
	}

	@Test
	void aTablePrefixNamesTheTables() {
		this.contextRunner
			.withPropertyValues("tokenpay.journal.enabled=true", "tokenpay.journal.jdbc.table-prefix=APP_")
			.run((context) -> {
				context.getBean(PayoutJournal.class).submit(request("order-1"));
				assertThat(JdbcClient.create(context.getBean(DataSource.class))
					.sql("SELECT COUNT(*) FROM APP_JOURNAL")
					.query(Long.class)
					.single()).isOne();
			});
	}

	@Test
	void aPayoutNotificationMovesTheJournaledPayout() {
		this.contextRunner.withPropertyValues("tokenpay.journal.enabled=true", "tokenpay.notification.enabled=true")
			.run((context) -> {
				PayoutJournal journal = context.getBean(PayoutJournal.class);
				journal.submit(request("order-1"));
				SignedNotification notification = TokenPayNotifications.forTesting(this.server.credentials())
					.payoutSucceeded(OrderDetail.payout("order-1").amount(new BigDecimal("1.5"), 6).paid().toPayout());
				NotificationReply reply = context.getBean(TokenPayNotificationDispatcher.class)
					.receive(notification.headers()::get, notification.body());
				assertThat(reply.status()).isEqualTo(200);
				assertThat(journal.find("order-1")).get()
					.extracting(JournalEntry::state)
					.isEqualTo(JournalState.SUCCEEDED);
			});
	}

	@Test
	void theDatabaseRateLimitStoreSharesTheTablesWithoutTheJournal() {
		this.contextRunner.withPropertyValues("tokenpay.rate-limit.store=jdbc").run((context) -> {
			assertThat(context).doesNotHaveBean(PayoutJournal.class);
			TokenPayRateLimiter limiter = context.getBean(TokenPayRateLimiter.class);
			assertThat(limiter).isInstanceOf(JdbcTokenPayRateLimiter.class);
			limiter.acquire("app-1").release();
			assertThat(context.getBean(TokenPayOperations.class).currencies()).isNotEmpty();
		});
	}

	@Test
	void anEnabledJournalWithoutADatabaseIsNamed() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TokenPayAutoConfiguration.class, TokenPayJournalAutoConfiguration.class))
			.withPropertyValues(this.server.propertyValues())
			.withPropertyValues("tokenpay.journal.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining("tokenpay.journal.enabled")
				.hasMessageContaining("no DataSource"));
	}

	@Test
	void theDatabaseRateLimitStoreWithoutADatabaseIsNamed() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues(this.server.propertyValues())
			.withPropertyValues("tokenpay.rate-limit.store=jdbc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining("tokenpay.rate-limit.store")
				.hasMessageContaining("no DataSource"));
	}

	@Test
	void aPayInNotificationMovesTheTrackedOrder() {
		this.contextRunner.withPropertyValues("tokenpay.journal.enabled=true", "tokenpay.notification.enabled=true")
			.run((context) -> {
				PayoutJournal journal = context.getBean(PayoutJournal.class);
				CreatePayInRequest request = CreatePayInRequest.builder(new BigDecimal("9.99"), Chain.TRON, "USDT")
					.outTradeNo("cart-1")
					.build();
				journal.trackPayIn(request, context.getBean(TokenPayOperations.class).payIns().create(request));
				SignedNotification notification = TokenPayNotifications.forTesting(this.server.credentials())
					.payInSucceeded(
							OrderDetail.payIn("cart-1").amount(new BigDecimal("9.99"), 6).paid().toTransaction());
				assertThat(context.getBean(TokenPayNotificationDispatcher.class)
					.receive(notification.headers()::get, notification.body())
					.status()).isEqualTo(200);
				assertThat(journal.findPayIn("cart-1")).get()
					.extracting(JournalEntry::state)
					.isEqualTo(JournalState.SUCCEEDED);
			});
	}

	@Test
	void unusablePropertiesAreNamed() {
		assertFailsNaming("tokenpay.journal.lease", "tokenpay.journal.lease=10s");
		assertFailsNaming("tokenpay.journal.jdbc.table-prefix", "tokenpay.journal.jdbc.table-prefix=x-y");
		assertFailsNaming("tokenpay.journal.batch-size", "tokenpay.journal.batch-size=0");
		assertFailsNaming("tokenpay.journal.max-reconcile-interval", "tokenpay.journal.reconcile-interval=1m",
				"tokenpay.journal.max-reconcile-interval=30s");
	}

	private void assertFailsNaming(String property, String... values) {
		this.contextRunner.withPropertyValues("tokenpay.journal.enabled=true")
			.withPropertyValues(values)
			.run((context) -> {
				assertThat(context).hasFailed();
				List<Throwable> causes = new ArrayList<>();
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					causes.add(cause);
				}
				assertThat(causes).filteredOn(InvalidTokenPayPropertyException.class::isInstance)
					.singleElement()
					.satisfies((cause) -> assertThat(((InvalidTokenPayPropertyException) cause).getProperty())
						.isEqualTo(property));
			});
	}

	private static CreatePayoutRequest request(String outTradeNo) {
		return CreatePayoutRequest
			.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
			.outTradeNo(outTradeNo)
			.build();
	}

}
