package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.operation.OutTradeNumbers;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.jdbc.JdbcDialect;
import me.tokenpay.spring.jdbc.TablePrefix;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The payout journal on a {@link DataSource}, through {@link JdbcClient}: one row per
 * payout (or tracked pay-in order) keyed by its kind and {@code out_trade_no}, and an
 * outbox row per state change. Writes of a submit join the caller's transaction; the
 * dispatcher's writes are short transactions of their own. Every move of a row is
 * conditional on its state (forward only) and, for the dispatcher, on still holding the
 * row's lease, so an instance whose lease ran out changes nothing.
 *
 * @author TokenPay Spring Boot team
 */
public class JdbcPayoutJournal implements PayoutJournal {

	private static final String COLUMNS = "kind, out_trade_no, merchant, amount, chain, currency, to_address, description, "
			+ "attach, notify_url, state, trade_state, transaction_id, failure_code, failure_message, attempts, "
			+ "next_attempt_at, created_at, updated_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String orders;

	private final String events;

	private final JdbcDialect dialect;

	private final String defaultMerchant;

	/**
	 * Create the journal.
	 * @param dataSource the application's data source
	 * @param transactionManager the transaction manager of that data source
	 * @param clock the clock that dates rows and events
	 * @param tablePrefix the prefix of the journal's tables, such as
	 * {@value TablePrefix#DEFAULT}
	 * @param defaultMerchant the merchant of submits that name none
	 */
	public JdbcPayoutJournal(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			String tablePrefix, String defaultMerchant) {
		TablePrefix.checked(tablePrefix);
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.orders = tablePrefix + "JOURNAL";
		this.events = tablePrefix + "JOURNAL_EVENT";
		this.dialect = JdbcDialect.of(dataSource);
		this.defaultMerchant = defaultMerchant;
	}

	@Override
	public JournalEntry submit(CreatePayoutRequest request) {
		return submit(this.defaultMerchant, request);
	}

	@Override
	public JournalEntry submit(String merchant, CreatePayoutRequest request) {
		Assert.hasText(merchant, "Merchant must not be blank");
		Assert.notNull(request, "Request must not be null");
		String requested = request.outTradeNo();
		String outTradeNo = (requested != null) ? requested : OutTradeNumbers.generate();
		Row row = new Row(JournalKind.PAYOUT, outTradeNo, merchant, request.amount(), request.chain(),
				request.currency(), request.toAddress(), request.description(), request.attach(), request.notifyUrl(),
				JournalState.SUBMITTED, null, null);
		return insert(row, (existing) -> existing.isSameOrder(merchant, request));
	}

	@Override
	public JournalEntry trackPayIn(CreatePayInRequest request, PayInOrder order) {
		return trackPayIn(this.defaultMerchant, request, order);
	}

	@Override
	public JournalEntry trackPayIn(String merchant, CreatePayInRequest request, PayInOrder order) {
		Assert.hasText(merchant, "Merchant must not be blank");
		Assert.notNull(request, "Request must not be null");
		Assert.notNull(order, "Order must not be null");
		Transaction transaction = order.transaction();
		TradeState tradeState = (transaction != null) ? transaction.tradeState() : null;
		Row row = new Row(JournalKind.PAY_IN, order.outTradeNo(), merchant, request.amount(), request.chain(),
				request.currency(), request.toAddress(), request.description(), request.attach(), request.notifyUrl(),
				JournalState.of(tradeState), (tradeState != null) ? tradeState.value() : null,
				(transaction != null) ? transaction.transactionId() : null);
		return insert(row,
				(existing) -> existing.merchant().equals(merchant) && existing.amount().compareTo(request.amount()) == 0
						&& existing.chain().equals(request.chain()) && existing.currency().equals(request.currency()));
	}

	/**
	 * Insert a row unless its key exists, in the caller's transaction; a row that exists
	 * must be the same order.
	 */
	private JournalEntry insert(Row row, Predicate<JournalEntry> sameOrder) {
		long now = this.clock.millis();
		String sql = this.dialect.insertIfAbsent(this.orders, "kind, out_trade_no", "(" + COLUMNS
				+ ") VALUES (:kind, :outTradeNo, :merchant, :amount, :chain, :currency, :toAddress, "
				+ ":description, :attach, :notifyUrl, :state, :tradeState, :transactionId, NULL, NULL, 0, :now, "
				+ ":now, :now)");
		int inserted;
		try {
			inserted = this.jdbc.sql(sql)
				.param("kind", row.kind().name())
				.param("outTradeNo", row.outTradeNo())
				.param("merchant", row.merchant())
				.param("amount", row.amount().toPlainString())
				.param("chain", row.chain().value())
				.param("currency", row.currency())
				.param("toAddress", row.toAddress(), Types.VARCHAR)
				.param("description", row.description(), Types.VARCHAR)
				.param("attach", row.attach(), Types.VARCHAR)
				.param("notifyUrl", row.notifyUrl(), Types.VARCHAR)
				.param("state", row.state().name())
				.param("tradeState", row.tradeState(), Types.VARCHAR)
				.param("transactionId", row.transactionId(), Types.VARCHAR)
				.param("now", now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			inserted = 0;
		}
		JournalEntry entry = ((inserted > 0) ? find(row.kind(), row.outTradeNo())
				: findForUpdate(row.kind(), row.outTradeNo()))
			.orElseThrow(
					() -> new IllegalStateException("Journal row " + row.outTradeNo() + " vanished after its insert"));
		if (inserted == 0 && !sameOrder.test(entry)) {
			throw new PayoutJournalConflictException(row.outTradeNo());
		}
		if (inserted > 0) {
			insertEvent(entry, now);
		}
		return entry;
	}

	/**
	 * Read a row with a locking read, which sees the latest committed version also under
	 * repeatable read (MariaDB's default), so that a row another transaction just
	 * inserted is found.
	 */
	private Optional<JournalEntry> findForUpdate(JournalKind kind, String outTradeNo) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + this.orders + " WHERE kind = :kind AND out_trade_no = :id FOR UPDATE")
			.param("kind", kind.name())
			.param("id", outTradeNo)
			.query(JdbcPayoutJournal::entry)
			.optional();
	}

	private @Nullable String stateForUpdate(JournalKind kind, String outTradeNo) {
		return this.jdbc
			.sql("SELECT state FROM " + this.orders + " WHERE kind = :kind AND out_trade_no = :id FOR UPDATE")
			.param("kind", kind.name())
			.param("id", outTradeNo)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Override
	public Optional<JournalEntry> find(String outTradeNo) {
		return find(JournalKind.PAYOUT, outTradeNo);
	}

	@Override
	public Optional<JournalEntry> findPayIn(String outTradeNo) {
		return find(JournalKind.PAY_IN, outTradeNo);
	}

	private Optional<JournalEntry> find(JournalKind kind, String outTradeNo) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + this.orders + " WHERE kind = :kind AND out_trade_no = :id")
			.param("kind", kind.name())
			.param("id", outTradeNo)
			.query(JdbcPayoutJournal::entry)
			.optional();
	}

	/**
	 * Claim rows that are due: not final, due by now and not leased to a live claim. Each
	 * row is claimed by one conditional update, so two instances never hold the same row.
	 * @param owner the claiming instance
	 * @param lease how long the claim holds
	 * @param limit the most rows to claim
	 * @return the claimed rows
	 */
	List<JournalEntry> claimDue(String owner, Duration lease, int limit) {
		long now = this.clock.millis();
		List<Key> due = this.jdbc
			.sql("SELECT kind, out_trade_no FROM " + this.orders
					+ " WHERE state IN (:states) AND next_attempt_at <= :now "
					+ "AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at LIMIT :limit")
			.param("states",
					names(JournalState.SUBMITTED, JournalState.SENDING, JournalState.UNKNOWN, JournalState.PENDING))
			.param("now", now)
			.param("limit", limit)
			.query((rs, row) -> new Key(JournalKind.valueOf(rs.getString("kind")), rs.getString("out_trade_no")))
			.list();
		List<JournalEntry> claimed = new ArrayList<>();
		for (Key key : due) {
			int updated = this.jdbc.sql("UPDATE " + this.orders + " SET lease_owner = :owner, lease_until = :until "
					+ "WHERE kind = :kind AND out_trade_no = :id AND state IN (:states) AND next_attempt_at <= :now "
					+ "AND (lease_until IS NULL OR lease_until < :now)")
				.param("states",
						names(JournalState.SUBMITTED, JournalState.SENDING, JournalState.UNKNOWN, JournalState.PENDING))
				.param("owner", owner)
				.param("until", now + lease.toMillis())
				.param("kind", key.kind().name())
				.param("id", key.outTradeNo())
				.param("now", now)
				.update();
			if (updated == 1) {
				find(key.kind(), key.outTradeNo()).ifPresent(claimed::add);
			}
		}
		return claimed;
	}

	/**
	 * Move a claimed row, and end its claim unless the move renews it, if the claim still
	 * holds (its owner and its time) and the move goes forward; record the change in the
	 * outbox in the same transaction, compared with the state read under the row's lock.
	 * @param entry the row as claimed
	 * @param owner the claiming instance
	 * @param move the move
	 * @return whether the row moved
	 */
	boolean move(JournalEntry entry, String owner, Move move) {
		Boolean moved = this.transactions.execute((status) -> {
			long now = this.clock.millis();
			String before = stateForUpdate(entry.kind(), entry.outTradeNo());
			Instant leaseUntil = move.leaseUntil();
			int updated = this.jdbc.sql("UPDATE " + this.orders + " SET state = :state, "
					+ "trade_state = COALESCE(:tradeState, trade_state), "
					+ "transaction_id = COALESCE(:transactionId, transaction_id), failure_code = :failureCode, "
					+ "failure_message = :failureMessage, attempts = attempts + :attempted, next_attempt_at = :next, "
					+ "updated_at = :now, lease_owner = :newOwner, lease_until = :leaseUntil "
					+ "WHERE kind = :kind AND out_trade_no = :id AND lease_owner = :owner AND lease_until > :now "
					+ "AND state IN (:from)")
				.param("kind", entry.kind().name())
				.param("state", move.state().name())
				.param("tradeState", move.tradeState())
				.param("transactionId", move.transactionId())
				.param("failureCode", move.failureCode())
				.param("failureMessage", move.failureMessage())
				.param("attempted", move.attempted() ? 1 : 0)
				.param("next", move.nextAttemptAt().toEpochMilli())
				.param("now", now)
				.param("newOwner", (leaseUntil != null) ? owner : null, Types.VARCHAR)
				.param("leaseUntil", (leaseUntil != null) ? leaseUntil.toEpochMilli() : null, Types.BIGINT)
				.param("id", entry.outTradeNo())
				.param("owner", owner)
				.param("from", statesThatMayMoveTo(move.state()))
				.update();
			if (updated == 1 && !move.state().name().equals(before)) {
				find(entry.kind(), entry.outTradeNo()).ifPresent((row) -> insertEvent(row, now));
			}
			return updated == 1;
		});
		return Boolean.TRUE.equals(moved);
	}

	/**
	 * Move a row as a notification or another source says, whoever holds its claim,
	 * forward only: a stale report never moves a row back.
	 * @param kind whether the report is of a payout or a pay-in order
	 * @param merchant the merchant the report is of; a row of another merchant does not
	 * move
	 * @param outTradeNo the row's order number
	 * @param state the reported state
	 * @param tradeState the reported trade state
	 * @param transactionId the platform's payout id, if reported
	 * @return whether the row moved
	 */
	boolean report(JournalKind kind, String merchant, String outTradeNo, JournalState state,
			@Nullable String tradeState, @Nullable String transactionId) {
		Boolean moved = this.transactions.execute((status) -> {
			long now = this.clock.millis();
			int updated = this.jdbc
				.sql("UPDATE " + this.orders + " SET state = :state, "
						+ "trade_state = COALESCE(:tradeState, trade_state), "
						+ "transaction_id = COALESCE(:transactionId, transaction_id), updated_at = :now "
						+ "WHERE kind = :kind AND out_trade_no = :id AND merchant = :merchant AND state IN (:from)")
				.param("kind", kind.name())
				.param("merchant", merchant)
				.param("state", state.name())
				.param("tradeState", tradeState)
				.param("transactionId", transactionId)
				.param("now", now)
				.param("id", outTradeNo)
				.param("from", statesThatMayMoveTo(state))
				.update();
			if (updated == 1) {
				find(kind, outTradeNo).ifPresent((row) -> insertEvent(row, now));
			}
			return updated == 1;
		});
		return Boolean.TRUE.equals(moved);
	}

	/**
	 * Claim outbox events that are not published yet and not claimed by a live claim, in
	 * the order they were written, leaving out those of a payout whose earlier event
	 * another instance is publishing, so that a payout's events are published in order.
	 * @param lease how long the claim holds
	 * @param limit the most events to claim
	 * @return the claimed events, oldest first
	 */
	List<JournalEvent> claimEvents(Duration lease, int limit) {
		long now = this.clock.millis();
		List<JournalEvent> pending = this.jdbc
			.sql("SELECT id, kind, out_trade_no, merchant, state, trade_state, transaction_id, created_at FROM "
					+ this.events + " e WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < :now) "
					+ "AND NOT EXISTS (SELECT 1 FROM " + this.events + " o WHERE o.kind = e.kind "
					+ "AND o.out_trade_no = e.out_trade_no "
					+ "AND o.published_at IS NULL AND o.seq < e.seq AND o.lease_until >= :now) "
					+ "ORDER BY seq LIMIT :limit")
			.param("now", now)
			.param("limit", limit)
			.query(JdbcPayoutJournal::event)
			.list();
		List<JournalEvent> claimed = new ArrayList<>();
		Set<Key> skipped = new HashSet<>();
		for (JournalEvent event : pending) {
			Key key = new Key(event.kind(), event.outTradeNo());
			if (skipped.contains(key)) {
				continue;
			}
			int updated = this.jdbc
				.sql("UPDATE " + this.events + " SET lease_until = :until WHERE id = :id AND published_at IS NULL "
						+ "AND (lease_until IS NULL OR lease_until < :now)")
				.param("until", now + lease.toMillis())
				.param("id", event.id())
				.param("now", now)
				.update();
			if (updated == 1) {
				claimed.add(event);
			}
			else {
				skipped.add(key);
			}
		}
		return claimed;
	}

	/**
	 * Mark an event published: its listeners returned.
	 * @param id the event's id
	 */
	void markPublished(String id) {
		this.jdbc.sql("UPDATE " + this.events + " SET published_at = :now WHERE id = :id")
			.param("now", this.clock.millis())
			.param("id", id)
			.update();
	}

	@Override
	public List<JournalBacklog> backlog() {
		return this.jdbc
			.sql("SELECT merchant, kind, state, COUNT(*) AS orders, MIN(updated_at) AS oldest FROM " + this.orders
					+ " WHERE state IN (:states) GROUP BY merchant, kind, state ORDER BY merchant, kind, state")
			.param("states",
					names(JournalState.SUBMITTED, JournalState.SENDING, JournalState.UNKNOWN, JournalState.PENDING,
							JournalState.FAILED, JournalState.CONFLICT))
			.query((rs, row) -> new JournalBacklog(rs.getString("merchant"), JournalKind.valueOf(rs.getString("kind")),
					JournalState.valueOf(rs.getString("state")), rs.getLong("orders"),
					Instant.ofEpochMilli(rs.getLong("oldest"))))
			.list();
	}

	@Override
	public List<JournalEntry> stuck(Duration olderThan, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + this.orders + " WHERE state IN (:states) AND updated_at < :before "
					+ "ORDER BY updated_at LIMIT :limit")
			.param("states",
					names(JournalState.SUBMITTED, JournalState.SENDING, JournalState.UNKNOWN, JournalState.PENDING))
			.param("before", this.clock.millis() - olderThan.toMillis())
			.param("limit", limit)
			.query(JdbcPayoutJournal::entry)
			.list();
	}

	private void insertEvent(JournalEntry entry, long now) {
		this.jdbc
			.sql("INSERT INTO " + this.events + " (id, kind, out_trade_no, merchant, state, trade_state, "
					+ "transaction_id, created_at, published_at, lease_until) VALUES (:id, :kind, :outTradeNo, "
					+ ":merchant, :state, :tradeState, :transactionId, :now, NULL, NULL)")
			.param("id", UUID.randomUUID().toString())
			.param("kind", entry.kind().name())
			.param("outTradeNo", entry.outTradeNo())
			.param("merchant", entry.merchant())
			.param("state", entry.state().name())
			.param("tradeState", entry.tradeState(), Types.VARCHAR)
			.param("transactionId", entry.transactionId(), Types.VARCHAR)
			.param("now", now)
			.update();
	}

	private static List<String> statesThatMayMoveTo(JournalState next) {
		return Arrays.stream(JournalState.values()).filter((state) -> state.mayMoveTo(next)).map(Enum::name).toList();
	}

	private static List<String> names(JournalState... states) {
		return Arrays.stream(states).map(Enum::name).toList();
	}

	private static JournalEntry entry(ResultSet rs, int row) throws SQLException {
		int failureCode = rs.getInt("failure_code");
		Integer code = rs.wasNull() ? null : failureCode;
		return new JournalEntry(JournalKind.valueOf(rs.getString("kind")), rs.getString("out_trade_no"),
				rs.getString("merchant"), new BigDecimal(rs.getString("amount")), Chain.of(rs.getString("chain")),
				rs.getString("currency"), rs.getString("to_address"), rs.getString("description"),
				rs.getString("attach"), rs.getString("notify_url"), JournalState.valueOf(rs.getString("state")),
				rs.getString("trade_state"), rs.getString("transaction_id"), code, rs.getString("failure_message"),
				rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
	}

	private static JournalEvent event(ResultSet rs, int row) throws SQLException {
		return new JournalEvent(rs.getString("id"), JournalKind.valueOf(rs.getString("kind")),
				rs.getString("out_trade_no"), rs.getString("merchant"), JournalState.valueOf(rs.getString("state")),
				rs.getString("trade_state"), rs.getString("transaction_id"),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

	/**
	 * The key of a row.
	 *
	 * @param kind the kind of the order
	 * @param outTradeNo its order number
	 */
	private record Key(JournalKind kind, String outTradeNo) {

	}

	/**
	 * A row to insert.
	 */
	private record Row(JournalKind kind, String outTradeNo, String merchant, BigDecimal amount, Chain chain,
			String currency, @Nullable String toAddress, @Nullable String description, @Nullable String attach,
			@Nullable String notifyUrl, JournalState state, @Nullable String tradeState,
			@Nullable String transactionId) {

	}

	/**
	 * A move of a claimed row.
	 *
	 * @param state the new state
	 * @param tradeState the trade state the gateway reported, {@code null} to keep the
	 * last one
	 * @param transactionId the platform's payout id, {@code null} to keep the last one
	 * @param failureCode the gateway's code of a refusal
	 * @param failureMessage what went wrong
	 * @param attempted whether the move follows a call to the gateway
	 * @param nextAttemptAt when the row is due next
	 * @param leaseUntil until when the claim is renewed, {@code null} to end it with the
	 * move
	 */
	record Move(JournalState state, @Nullable String tradeState, @Nullable String transactionId,
			@Nullable Integer failureCode, @Nullable String failureMessage, boolean attempted, Instant nextAttemptAt,
			@Nullable Instant leaseUntil) {

	}

}
