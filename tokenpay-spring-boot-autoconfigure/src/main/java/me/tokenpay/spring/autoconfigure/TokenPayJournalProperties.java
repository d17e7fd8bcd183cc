package me.tokenpay.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration properties of the payout journal.
 *
 * @param enabled Whether to keep a payout journal in the application's DataSource:
 * PayoutJournal.submit writes a payout in the caller's transaction, and every instance
 * dispatches and reconciles the journal's payouts.
 * @param pollInterval Wait between two runs of an instance's dispatcher; a run that found
 * a full batch runs again at once.
 * @param batchSize Most payouts (and events) an instance claims per run.
 * @param lease How long an instance's claim of a payout holds; longer than a create with
 * its retries and resolution takes (tokenpay.retry.deadline), so that only a dead
 * instance's payouts are taken over.
 * @param reconcileInterval First wait before a payout that is not final, or whose create
 * had an unknown outcome, is queried again; doubled per attempt.
 * @param maxReconcileInterval Longest wait between two queries of one payout.
 * @param retryInterval Wait before a create that was refused without being applied (such
 * as by the rate limit) is sent again.
 * @param stuckAfter How long a payout may stay without a change before the tokenpay
 * actuator endpoint lists it as stuck.
 * @param jdbc Settings of the journal's tables.
 * @author TokenPay Spring Boot team
 */
@ConfigurationProperties("tokenpay.journal")
public record TokenPayJournalProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration reconcileInterval,
		@DefaultValue("30m") Duration maxReconcileInterval, @DefaultValue("5s") Duration retryInterval,
		@DefaultValue("15m") Duration stuckAfter, @DefaultValue Jdbc jdbc) {

	/**
	 * Settings of the journal's tables.
	 *
	 * @param initializeSchema When to create the tables at start-up: embedded (only in an
	 * embedded database such as H2), always or never (Flyway, Liquibase or a DBA runs the
	 * scripts).
	 * @param schema Location of the script that creates the tables; @@platform@@ is
	 * replaced by the platform.
	 * @param platform Platform of the script: postgresql (also for H2) or mysql (also for
	 * MariaDB); detected from the DataSource when not set.
	 * @param tablePrefix Prefix of the journal's tables, replacing TOKENPAY_ in the
	 * scripts.
	 */
	public record Jdbc(@DefaultValue("embedded") DatabaseInitializationMode initializeSchema,
			@DefaultValue("classpath:me/tokenpay/spring/journal/schema-@@platform@@.sql") String schema,
			@Nullable String platform, @DefaultValue("TOKENPAY_") String tablePrefix) {

	}

}
