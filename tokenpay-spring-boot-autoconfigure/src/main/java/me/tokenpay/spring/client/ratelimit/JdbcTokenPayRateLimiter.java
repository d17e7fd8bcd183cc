package me.tokenpay.spring.client.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.jdbc.JdbcDialect;
import me.tokenpay.spring.jdbc.TablePrefix;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * A {@link TokenPayRateLimiter} shared by every instance through the application's
 * database, for teams that run the payout journal there and no Redis. It keeps the same
 * guarantee as the Redis limiter: a permit is a row scored with the end of its lease
 * while held and with its release time once released, and counts until its score is a
 * window old; a permit is granted only when fewer than {@code permits} rows count. The
 * decisions of one app id are serialized by a lock row ({@code SELECT … FOR UPDATE}, in a
 * read-committed transaction of the limiter's own, never the caller's) and all use the
 * database server's clock, so instances with skewed clocks share one time, and no window
 * at the gateway sees more than {@code permits} requests (see
 * {@link TokenPayRateLimiter}). A permit of an instance that died frees itself when its
 * lease ends.
 *
 * @author TokenPay Spring Boot team
 */
public final class JdbcTokenPayRateLimiter implements TokenPayRateLimiter {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JdbcDialect dialect;

	private final String locks;

	private final String permitsTable;

	private final int permits;

	private final Duration window;

	private final Duration maxWait;

	private final Duration lease;

	private final LongSupplier ticker;

	/**
	 * Create a limiter.
	 * @param dataSource the database shared by every instance
	 * @param tablePrefix the prefix of the starter's tables
	 * @param permits the requests allowed per window
	 * @param window the window
	 * @param maxWait the longest wait for a permit
	 * @param lease how long a permit is held at most: longer than any attempt
	 * @param ticker the current time in nanoseconds, only compared with itself, which
	 * bounds waits
	 */
	public JdbcTokenPayRateLimiter(DataSource dataSource, String tablePrefix, int permits, Duration window,
			Duration maxWait, Duration lease, LongSupplier ticker) {
		Assert.isTrue(permits > 0, "Permits must be positive");
		Assert.isTrue(window.toMillis() > 0, "Window must be at least a millisecond");
		Assert.isTrue(!maxWait.isNegative(), "Max wait must not be negative");
		Assert.isTrue(lease.toMillis() > 0, "Lease must be at least a millisecond");
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.dialect = JdbcDialect.of(dataSource);
		this.locks = TablePrefix.checked(tablePrefix) + "RATE_LIMIT_LOCK";
		this.permitsTable = tablePrefix + "RATE_LIMIT_PERMIT";
		this.permits = permits;
		this.window = window;
		this.maxWait = maxWait;
		this.lease = lease;
		this.ticker = ticker;
	}

	@Override
	public Permit acquire(String appId, Duration maxWait) {
		Assert.hasText(appId, "App id must not be blank");
		long deadline = this.ticker.getAsLong() + maxWait.toNanos();
		while (true) {
			String permitId = UUID.randomUUID().toString();
			Long waitMillis;
			try {
				waitMillis = this.transactions.execute((status) -> take(appId, permitId));
			}
			catch (DataAccessException | TransactionException ex) {
				throw new TokenPayRateLimitException(
						"The database rate limit store failed (tokenpay.rate-limit.store=jdbc); nothing was sent", ex);
			}
			if (waitMillis == null || waitMillis <= 0) {
				return new JdbcPermit(permitId);
			}
			long waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
			if (this.ticker.getAsLong() + waitNanos - deadline > 0) {
				throw new TokenPayRateLimitException(this.permits, this.window, maxWait);
			}
			LockSupport.parkNanos(waitNanos);
			if (Thread.currentThread().isInterrupted()) {
				throw new TokenPayRateLimitException(this.permits, this.window, maxWait);
			}
		}
	}

	/**
	 * In a transaction of its own (never the caller's) holding the app id's lock row:
	 * forget permits that no longer count, then grant one if fewer than the limit count,
	 * or say how long until the oldest stops counting.
	 * @return 0 when granted, else the wait in milliseconds
	 */
	private long take(String appId, String permitId) {
		lockRow(appId);
		List<String> locked = this.jdbc.sql("SELECT app_id FROM " + this.locks + " WHERE app_id = :appId FOR UPDATE")
			.param("appId", appId)
			.query(String.class)
			.list();
		Assert.state(locked.size() == 1, () -> "No lock row for app id " + appId + " in " + this.locks);
		long now = this.jdbc.sql("SELECT " + this.dialect.nowMillis()).query(Long.class).single();
		long windowMillis = this.window.toMillis();
		this.jdbc.sql("DELETE FROM " + this.permitsTable + " WHERE app_id = :appId AND score <= :expired")
			.param("appId", appId)
			.param("expired", now - windowMillis)
			.update();
		long counted = this.jdbc.sql("SELECT COUNT(*) FROM " + this.permitsTable + " WHERE app_id = :appId")
			.param("appId", appId)
			.query(Long.class)
			.single();
		if (counted < this.permits) {
			this.jdbc
				.sql("INSERT INTO " + this.permitsTable + " (permit_id, app_id, score) VALUES (:id, :appId, :score)")
				.param("id", permitId)
				.param("appId", appId)
				.param("score", now + this.lease.toMillis())
				.update();
			return 0;
		}
		long oldest = this.jdbc.sql("SELECT MIN(score) FROM " + this.permitsTable + " WHERE app_id = :appId")
			.param("appId", appId)
			.query(Long.class)
			.single();
		return Math.max(1, oldest + windowMillis - now + 1);
	}

	private void lockRow(String appId) {
		try {
			this.jdbc.sql(this.dialect.insertIfAbsent(this.locks, "app_id", "(app_id) VALUES (:appId)"))
				.param("appId", appId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another instance created it
		}
	}

	@Override
	public Duration getMaxWait() {
		return this.maxWait;
	}

	@Override
	public String toString() {
		return "JdbcTokenPayRateLimiter[" + this.permits + " per " + this.window + ", table " + this.permitsTable + "]";
	}

	/**
	 * A granted permit: released, its row is scored with the release time on the
	 * database's clock, unless its lease ended earlier.
	 */
	private final class JdbcPermit implements Permit {

		private final String id;

		private boolean released;

		JdbcPermit(String id) {
			this.id = id;
		}

		@Override
		public synchronized void release() {
			if (this.released) {
				return;
			}
			this.released = true;
			JdbcTokenPayRateLimiter limiter = JdbcTokenPayRateLimiter.this;
			String now = limiter.dialect.nowMillis();
			try {
				limiter.transactions.executeWithoutResult((status) -> limiter.jdbc
					.sql("UPDATE " + limiter.permitsTable + " SET score = " + now
							+ " WHERE permit_id = :id AND score > " + now)
					.param("id", this.id)
					.update());
			}
			catch (DataAccessException | TransactionException ex) {
				// the permit counts until its lease ends: later, never too early
			}
		}

	}

}
