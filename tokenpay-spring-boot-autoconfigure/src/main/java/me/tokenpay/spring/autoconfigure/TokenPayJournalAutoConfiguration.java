package me.tokenpay.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.binder.MeterBinder;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.journal.JdbcPayoutJournal;
import me.tokenpay.spring.journal.PayoutJournalDispatcher;
import me.tokenpay.spring.journal.PayoutJournalEventPublisher;
import me.tokenpay.spring.journal.PayoutJournalMetrics;
import me.tokenpay.spring.journal.PayoutJournalNotificationHandler;
import me.tokenpay.spring.journal.PayoutJournalWorker;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the starter's tables in the application's {@link DataSource}
 * (with the payout journal or {@code tokenpay.rate-limit.store=jdbc}) and, with
 * {@code tokenpay.journal.enabled=true}, of the journal and the worker that dispatches,
 * reconciles and publishes on every instance.
 *
 * @author TokenPay Spring Boot team
 */
@AutoConfiguration(after = { TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBean(DataSource.class)
@Conditional(TokenPayJournalAutoConfiguration.TablesUsedCondition.class)
@EnableConfigurationProperties({ TokenPayProperties.class, TokenPayJournalProperties.class })
public final class TokenPayJournalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PayoutJournalSchemaInitializer payoutJournalSchemaInitializer(DataSource dataSource,
			TokenPayJournalProperties properties) {
		TokenPayJournalProperties.Jdbc jdbc = properties.jdbc();
		String platform = jdbc.platform();
		List<String> locations = (platform != null) ? List.of(jdbc.schema().replace("@@platform@@", platform))
				: new PlatformPlaceholderDatabaseDriverResolver().withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
					.withDriverPlatform(DatabaseDriver.H2, "postgresql")
					.resolveAll(dataSource, jdbc.schema());
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(locations);
		settings.setMode(jdbc.initializeSchema());
		return new PayoutJournalSchemaInitializer(dataSource, settings, tablePrefix(jdbc));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("tokenpay.journal.enabled")
	@ConditionalOnBean(TokenPayMerchants.class)
	static class PayoutJournalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		JdbcPayoutJournal payoutJournal(DataSource dataSource, TokenPayJournalProperties properties,
				TokenPayMerchants merchants) {
			return new JdbcPayoutJournal(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC(),
					tablePrefix(properties.jdbc()), merchants.defaultName());
		}

		@Bean
		@ConditionalOnMissingBean
		PayoutJournalDispatcher payoutJournalDispatcher(JdbcPayoutJournal journal, TokenPayMerchants merchants,
				TokenPayJournalProperties properties, TokenPayProperties tokenPay) {
			return new PayoutJournalDispatcher(journal, merchants::get, Clock.systemUTC(),
					settings(properties, tokenPay));
		}

		@Bean
		@ConditionalOnMissingBean
		PayoutJournalEventPublisher payoutJournalEventPublisher(JdbcPayoutJournal journal,
				ApplicationEventPublisher publisher, TokenPayJournalProperties properties) {
			return new PayoutJournalEventPublisher(journal, publisher, properties.lease(), properties.batchSize());
		}

		@Bean
		@ConditionalOnMissingBean
		PayoutJournalWorker payoutJournalWorker(PayoutJournalDispatcher dispatcher,
				PayoutJournalEventPublisher publisher, TokenPayJournalProperties properties) {
			positive("tokenpay.journal.poll-interval", properties.pollInterval());
			return new PayoutJournalWorker(dispatcher, publisher, properties.pollInterval(), properties.batchSize());
		}

		@Bean
		@ConditionalOnMissingBean
		PayoutJournalNotificationHandler payoutJournalNotificationHandler(JdbcPayoutJournal journal) {
			return new PayoutJournalNotificationHandler(journal);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class PayoutJournalMetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			PayoutJournalMetrics payoutJournalMetrics(JdbcPayoutJournal journal, TokenPayMerchants merchants) {
				return new PayoutJournalMetrics(journal, merchants.names().stream().sorted().toList(),
						Clock.systemUTC());
			}

		}

	}

	/**
	 * Matches when the starter's tables are used: by the payout journal, or by the rate
	 * limit's database store.
	 */
	static class TablesUsedCondition extends AnyNestedCondition {

		TablesUsedCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty("tokenpay.journal.enabled")
		static class Journal {

		}

		@ConditionalOnProperty(name = "tokenpay.rate-limit.store", havingValue = "jdbc")
		static class RateLimit {

		}

	}

	private static PayoutJournalDispatcher.Settings settings(TokenPayJournalProperties properties,
			TokenPayProperties tokenPay) {
		if (properties.batchSize() < 1 || properties.batchSize() > 1000) {
			throw new InvalidTokenPayPropertyException("tokenpay.journal.batch-size",
					"must be between 1 and 1000 but is " + properties.batchSize(),
					"Set tokenpay.journal.batch-size to a small number such as 20");
		}
		positive("tokenpay.journal.reconcile-interval", properties.reconcileInterval());
		if (properties.maxReconcileInterval().compareTo(properties.reconcileInterval()) < 0) {
			throw new InvalidTokenPayPropertyException("tokenpay.journal.max-reconcile-interval",
					"is shorter than tokenpay.journal.reconcile-interval",
					"Raise tokenpay.journal.max-reconcile-interval to at least tokenpay.journal.reconcile-interval");
		}
		if (properties.retryInterval().isNegative()) {
			throw new InvalidTokenPayPropertyException("tokenpay.journal.retry-interval", "must not be negative",
					"Set tokenpay.journal.retry-interval to a duration such as 5s");
		}
		Duration longestCreate = tokenPay.retry()
			.deadline()
			.plus(tokenPay.payout()
				.resolveDelay()
				.multipliedBy(1L << Math.min(tokenPay.payout().resolveAttempts(), 10)))
			.plus(tokenPay.readTimeout().multipliedBy(tokenPay.payout().resolveAttempts()));
		if (properties.lease().compareTo(longestCreate) <= 0) {
			throw new InvalidTokenPayPropertyException("tokenpay.journal.lease",
					"(" + properties.lease()
							+ ") is not longer than a create with its retries and resolution may take (" + longestCreate
							+ "), so a live instance's payout could be taken over",
					"Raise tokenpay.journal.lease above tokenpay.retry.deadline plus the resolution's queries");
		}
		return new PayoutJournalDispatcher.Settings(properties.lease(), properties.batchSize(),
				properties.reconcileInterval(), properties.maxReconcileInterval(), properties.retryInterval());
	}

	private static String tablePrefix(TokenPayJournalProperties.Jdbc jdbc) {
		return TokenPayPropertiesMapper.tablePrefix(jdbc.tablePrefix());
	}

	private static void positive(String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidTokenPayPropertyException(property, "must be positive but is " + duration,
					"Set " + property + " to a positive duration, or remove it to use the default");
		}
	}

}
