package me.tokenpay.spring.journal;

import java.time.Duration;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.ratelimit.JdbcTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JdbcTokenPayRateLimiter} on H2, PostgreSQL and MariaDB.
 *
 * @author TokenPay Spring Boot team
 */
class JdbcTokenPayRateLimiterTests {

	private static final Duration HOUR = Duration.ofHours(1);

	@ParameterizedTest
	@EnumSource(Database.class)
	void grantsThePermitsOfAWindowAndRefusesTheNextWithoutWaitingPastItsMaxWait(Database database) {
		Database.Tables tables = database.tables();
		TokenPayRateLimiter limiter = limiter(tables, 3, HOUR, HOUR);
		for (int i = 0; i < 3; i++) {
			limiter.acquire("app-1", Duration.ZERO).release();
		}
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire("app-1", Duration.ofMillis(100)));
		assertThat(permits(tables, "app-1")).as("a refusal adds no permit").isEqualTo(3);
		limiter.acquire("app-2", Duration.ZERO).release();
		assertThat(permits(tables, "app-2")).as("each app id has its own budget").isOne();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aPermitCountsUntilItsScoreIsAWindowOldAndTwoInstancesShareTheBudget(Database database) {
		Database.Tables tables = database.tables();
		TokenPayRateLimiter first = limiter(tables, 2, Duration.ofMillis(1), Duration.ofMillis(1));
		TokenPayRateLimiter second = limiter(tables, 2, Duration.ofMillis(1), Duration.ofMillis(1));
		TokenPayRateLimiter.Permit held = first.acquire("app-1", Duration.ZERO);
		second.acquire("app-1", Duration.ZERO).release();
		second.acquire("app-1", Duration.ofSeconds(30)).release();
		held.release();
		held.release();
		first.acquire("app-1", Duration.ofSeconds(30)).release();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aHeldPermitOfAnotherInstanceCountsWhileItsLeaseLasts(Database database) {
		Database.Tables tables = database.tables();
		TokenPayRateLimiter dead = limiter(tables, 1, Duration.ofMillis(1), HOUR);
		TokenPayRateLimiter live = limiter(tables, 1, Duration.ofMillis(1), HOUR);
		dead.acquire("app-1", Duration.ZERO);
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> live.acquire("app-1", Duration.ofMillis(50)));
		assertThat(live.getMaxWait()).isEqualTo(Duration.ofSeconds(2));
		assertThat(live.toString()).contains("1 per PT0.001S");
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aPermitTakenInTheCallersTransactionOutlivesItsRollback(Database database) {
		Database.Tables tables = database.tables();
		TokenPayRateLimiter limiter = limiter(tables, 1, HOUR, HOUR);
		new TransactionTemplate(new DataSourceTransactionManager(tables.dataSource()))
			.executeWithoutResult((status) -> {
				limiter.acquire("app-1", Duration.ZERO).release();
				status.setRollbackOnly();
			});
		assertThat(permits(tables, "app-1")).as("the request was sent: its permit counts").isOne();
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> limiter.acquire("app-1", Duration.ZERO));
	}

	private static JdbcTokenPayRateLimiter limiter(Database.Tables tables, int permits, Duration window,
			Duration lease) {
		return new JdbcTokenPayRateLimiter(tables.dataSource(), tables.prefix(), permits, window, Duration.ofSeconds(2),
				lease, System::nanoTime);
	}

	private static long permits(Database.Tables tables, String appId) {
		return JdbcClient.create(tables.dataSource())
			.sql("SELECT COUNT(*) FROM " + tables.prefix() + "RATE_LIMIT_PERMIT WHERE app_id = :appId")
			.param("appId", appId)
			.query(Long.class)
			.single();
	}

}
