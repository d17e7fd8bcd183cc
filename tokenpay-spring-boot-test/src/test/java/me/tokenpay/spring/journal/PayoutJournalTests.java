package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.journal.JdbcPayoutJournal.Move;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests of the payout journal against the mock gateway and a real database (H2,
 * PostgreSQL and MariaDB): submits in the caller's transaction, one create per payout
 * whatever instance dies when, reconciliation to a final state, forward-only moves, and
 * events at least once. Time is the tests' own clock.
 *
 * @author TokenPay Spring Boot team
 */
class PayoutJournalTests {

	private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final String CREATE_PATH = PayoutTemplate.CREATE_PAYOUT.path();

	private static final PayoutJournalDispatcher.Settings SETTINGS = new PayoutJournalDispatcher.Settings(
			Duration.ofMinutes(2), 20, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(5));

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final TestClock clock = new TestClock(START);

	private final List<JournalEvent> events = new CopyOnWriteArrayList<>();

	private final TokenPayOperations tokenPay = TokenPayTemplate.builder()
		.settings(TokenPayClientSettings.defaults(URI.create(this.server.baseUrl())))
		.credentials(this.server.credentials())
		.payoutSettings(PayoutSettings.defaults().withResolveAttempts(0))
		.build();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aSubmitRolledBackWithTheCallerNeverHappened(Database database) {
		Fixture fixture = fixture(database);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(fixture.tables().dataSource()));
		transaction.executeWithoutResult((status) -> {
			fixture.journal().submit(request("rolled-back"));
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult((status) -> fixture.journal().submit(request("committed")));
		assertThat(fixture.journal().find("rolled-back")).isEmpty();
		assertThat(fixture.journal().find("committed")).get()
			.extracting(JournalEntry::state)
			.isEqualTo(JournalState.SUBMITTED);
		assertThat(this.server.requests()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aRepeatedSubmitIsIdempotentAndAnotherOrderUnderTheKeyIsRefused(Database database) {
		Fixture fixture = fixture(database);
		JournalEntry first = fixture.journal().submit(request("order-1"));
		assertThat(fixture.journal().submit(request("order-1"))).isEqualTo(first);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(fixture.tables().dataSource()));
		transaction.executeWithoutResult((status) -> {
			assertThatExceptionOfType(PayoutJournalConflictException.class)
				.isThrownBy(() -> fixture.journal()
					.submit(CreatePayoutRequest.builder(new BigDecimal("99"), Chain.TRON, "USDT", ADDRESS)
						.outTradeNo("order-1")
						.build()))
				.withMessageContaining("order-1");
			fixture.journal().submit(request("order-2"));
		});
		assertThat(fixture.journal().find("order-2")).isPresent();
		assertThat(fixture.journal().submit(request(null)).outTradeNo()).matches("[0-9a-f]{32}");
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aSubmittedPayoutIsCreatedOnceAndReconciledToItsFinalState(Database database) {
		Fixture fixture = fixture(database);
		fixture.journal().submit(request("order-1"));
		assertThat(fixture.dispatcher().runOnce()).isOne();
		JournalEntry pending = fixture.journal().find("order-1").orElseThrow();
		assertThat(pending.state()).isEqualTo(JournalState.PENDING);
		assertThat(pending.transactionId()).isEqualTo(this.server.payouts().get("order-1").transactionId());
		assertThat(fixture.dispatcher().runOnce()).as("not due before its back-off").isZero();
		this.server.payouts().markPaid("order-1");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(fixture.dispatcher().runOnce()).isOne();
		assertThat(fixture.journal().find("order-1").orElseThrow().state()).isEqualTo(JournalState.SUCCEEDED);
		this.clock.advance(Duration.ofHours(1));
		assertThat(fixture.dispatcher().runOnce()).as("a final payout is never claimed again").isZero();
		assertThat(creates("order-1")).isOne();
		fixture.publisher().runOnce();
		assertThat(this.events).extracting(JournalEvent::state)
			.containsExactly(JournalState.SUBMITTED, JournalState.SENDING, JournalState.PENDING,
					JournalState.SUCCEEDED);
		assertThat(this.events).extracting(JournalEvent::id).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aRowLeftSendingByADeadInstanceIsAskedAboutBeforeAnythingIsSentAgain(Database database) {
		Fixture fixture = fixture(database);
		fixture.journal().submit(request("sent"));
		fixture.journal().submit(request("not-sent"));
		List<JournalEntry> claimed = fixture.journal().claimDue("dead-instance", SETTINGS.lease(), 10);
		for (JournalEntry entry : claimed) {
			fixture.journal()
				.move(entry, "dead-instance", new Move(JournalState.SENDING, null, null, null, null, true,
						this.clock.instant(), this.clock.instant().plus(SETTINGS.lease())));
		}
		this.tokenPay.payouts().create(request("sent"));
		assertThat(fixture.dispatcher().runOnce()).as("the dead instance's lease still holds").isZero();
		this.clock.advance(SETTINGS.lease().plusSeconds(1));
		assertThat(fixture.dispatcher().runOnce()).isEqualTo(2);
		assertThat(fixture.journal().find("sent").orElseThrow().state()).isEqualTo(JournalState.PENDING);
		assertThat(fixture.journal().find("not-sent").orElseThrow().state()).isEqualTo(JournalState.PENDING);
		assertThat(creates("sent")).isOne();
		assertThat(creates("not-sent")).isOne();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void anUnknownOutcomeIsResolvedByQueryingAndADefiniteRefusalIsRecorded(Database database) {
		Fixture fixture = fixture(database);
		this.server.faults().enqueueFor("create-payout", Fault.resetAfterApplying());
		fixture.journal().submit(request("lost-answer"));
		fixture.dispatcher().runOnce();
		assertThat(fixture.journal().find("lost-answer").orElseThrow().state()).isEqualTo(JournalState.UNKNOWN);
		this.clock.advance(Duration.ofMinutes(2));
		fixture.dispatcher().runOnce();
		assertThat(fixture.journal().find("lost-answer").orElseThrow().state()).isEqualTo(JournalState.PENDING);
		assertThat(creates("lost-answer")).isOne();
		this.server.balances().seed("TRON", "USDT", BigDecimal.ZERO);
		fixture.journal().submit(request("too-poor"));
		this.clock.advance(Duration.ofSeconds(1));
		fixture.dispatcher().runOnce();
		JournalEntry refused = fixture.journal().find("too-poor").orElseThrow();
		assertThat(refused.state()).isEqualTo(JournalState.FAILED);
		assertThat(refused.failureCode()).isEqualTo(20002);
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aLostNotificationIsFoundByReconciliationAndAStaleOneNeverMovesAPayoutBack(Database database) {
		Fixture fixture = fixture(database);
		fixture.journal().submit(request("order-1"));
		fixture.dispatcher().runOnce();
		this.server.payouts().markPaid("order-1");
		this.clock.advance(Duration.ofMinutes(1));
		fixture.dispatcher().runOnce();
		assertThat(fixture.journal().find("order-1").orElseThrow().state()).isEqualTo(JournalState.SUCCEEDED);
		assertThat(fixture.journal()
			.report(JournalKind.PAYOUT, "default", "order-1", JournalState.PENDING, "NOTPAY", null)).isFalse();
		assertThat(
				fixture.journal().report(JournalKind.PAYOUT, "default", "order-1", JournalState.CLOSED, "CLOSED", null))
			.isFalse();
		assertThat(fixture.journal().find("order-1").orElseThrow().state()).isEqualTo(JournalState.SUCCEEDED);
		fixture.journal().submit(request("order-2"));
		fixture.dispatcher().runOnce();
		assertThat(fixture.journal()
			.report(JournalKind.PAYOUT, "default", "order-2", JournalState.SUCCEEDED, "SUCCESS", null)).isTrue();
		this.clock.advance(Duration.ofHours(1));
		assertThat(fixture.dispatcher().runOnce()).isZero();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void anEventWhoseListenerFailedIsPublishedAgain(Database database) {
		Fixture fixture = fixture(database);
		AtomicReference<RuntimeException> failure = new AtomicReference<>(new IllegalStateException("listener down"));
		PayoutJournalEventPublisher publisher = new PayoutJournalEventPublisher(fixture.journal(), (event) -> {
			RuntimeException ex = failure.getAndSet(null);
			if (ex != null) {
				throw ex;
			}
			this.events.add((JournalEvent) event);
		}, Duration.ofSeconds(30), 20);
		fixture.journal().submit(request("order-1"));
		assertThat(publisher.runOnce()).isZero();
		assertThat(publisher.runOnce()).as("claimed by the failed attempt until its lease ends").isZero();
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(publisher.runOnce()).isOne();
		assertThat(publisher.runOnce()).isZero();
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outTradeNo()).isEqualTo("order-1");
			assertThat(event.state()).isEqualTo(JournalState.SUBMITTED);
		});
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void theBacklogIsCountedPerMerchantAndStateAndStuckPayoutsAreListed(Database database) {
		Fixture fixture = fixture(database);
		fixture.journal().submit(request("order-1"));
		fixture.journal().submit("eu", request("order-2"));
		fixture.journal().submit(request("order-3"));
		this.server.faults().enqueueFor("create-payout", Fault.gatewayCode(20002));
		fixture.dispatcher().runOnce();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PayoutJournalMetrics(fixture.journal(), List.of("default", "eu"), this.clock).bindTo(registry);
		assertThat(fixture.journal().backlog())
			.extracting(JournalBacklog::merchant, JournalBacklog::state, JournalBacklog::count)
			.containsExactlyInAnyOrder(tuple("default", JournalState.FAILED, 1L),
					tuple("default", JournalState.PENDING, 1L), tuple("eu", JournalState.PENDING, 1L));
		assertThat(registry.get("tokenpay.journal.orders")
			.tags("merchant", "default", "kind", "payout", "state", "pending")
			.gauge()
			.value()).isOne();
		assertThat(registry.get("tokenpay.journal.orders")
			.tags("merchant", "eu", "kind", "payout", "state", "submitted")
			.gauge()
			.value()).isZero();
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(registry.get("tokenpay.journal.oldest")
			.tags("merchant", "eu", "kind", "payout", "state", "pending")
			.gauge()
			.value()).isEqualTo(1200.0);
		assertThat(fixture.journal().stuck(Duration.ofMinutes(15), 10)).extracting(JournalEntry::outTradeNo)
			.containsExactlyInAnyOrder("order-2", "order-3");
		assertThat(fixture.journal().stuck(Duration.ofMinutes(30), 10)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aCreateTheRateLimitKeptFromBeingSentIsSentAgainAndAnUnknownMerchantFails(Database database) {
		Fixture fixture = fixture(database);
		LocalTokenPayRateLimiter busy = new LocalTokenPayRateLimiter(1, Duration.ofHours(1), Duration.ZERO);
		busy.acquire(this.server.credentials().appId()).release();
		TokenPayTemplate limited = ((TokenPayTemplate) this.tokenPay).mutate().rateLimiter(busy).build();
		PayoutJournalDispatcher dispatcher = new PayoutJournalDispatcher(fixture.journal(),
				(merchant) -> switch (merchant) {
					case "default" -> limited;
					default -> throw new IllegalArgumentException("No TokenPay merchant named '" + merchant + "'");
				}, this.clock, SETTINGS);
		fixture.journal().submit(request("busy"));
		fixture.journal().submit("gone", request("orphan"));
		assertThat(dispatcher.runOnce()).isEqualTo(2);
		JournalEntry busyEntry = fixture.journal().find("busy").orElseThrow();
		assertThat(busyEntry.state()).isEqualTo(JournalState.SUBMITTED);
		assertThat(busyEntry.nextAttemptAt()).isEqualTo(this.clock.instant().plus(SETTINGS.retryInterval()));
		assertThat(fixture.journal().find("orphan").orElseThrow().state()).isEqualTo(JournalState.FAILED);
		assertThat(this.server.requests()).isEmpty();
		this.clock.advance(SETTINGS.retryInterval());
		assertThat(fixture.dispatcher().runOnce()).isOne();
		assertThat(fixture.journal().find("busy").orElseThrow().state()).isEqualTo(JournalState.PENDING);
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aReportOfAnotherMerchantMovesNothing(Database database) {
		Fixture fixture = fixture(database);
		fixture.journal().submit(request("order-1"));
		assertThat(
				fixture.journal().report(JournalKind.PAYOUT, "eu", "order-1", JournalState.SUCCEEDED, "SUCCESS", null))
			.isFalse();
		assertThat(fixture.journal().find("order-1").orElseThrow().state()).isEqualTo(JournalState.SUBMITTED);
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aTrackedPayInOrderIsFollowedUntilPaidOrExpiredAndByItsNotifications(Database database) {
		Fixture fixture = fixture(database);
		CreatePayInRequest paidRequest = payIn("cart-1");
		CreatePayInRequest expiredRequest = payIn("cart-2");
		PayInOrder paidOrder = this.tokenPay.payIns().create(paidRequest);
		JournalEntry tracked = fixture.journal().trackPayIn(paidRequest, paidOrder);
		fixture.journal().trackPayIn(expiredRequest, this.tokenPay.payIns().create(expiredRequest));
		CreatePayInRequest notifiedRequest = payIn("cart-3");
		fixture.journal().trackPayIn(notifiedRequest, this.tokenPay.payIns().create(notifiedRequest));
		assertThat(tracked.kind()).isEqualTo(JournalKind.PAY_IN);
		assertThat(tracked.state()).isEqualTo(JournalState.PENDING);
		assertThat(fixture.journal().trackPayIn(paidRequest, paidOrder)).as("tracked again").isEqualTo(tracked);
		assertThat(fixture.journal().find("cart-1")).as("a pay-in order is not a payout").isEmpty();
		this.server.payIns().markPaid("cart-1");
		this.server.payIns().expire("cart-2");
		assertThat(fixture.dispatcher().runOnce()).isEqualTo(3);
		assertThat(fixture.journal().findPayIn("cart-1")).get()
			.extracting(JournalEntry::state)
			.isEqualTo(JournalState.SUCCEEDED);
		assertThat(fixture.journal().findPayIn("cart-2")).get()
			.extracting(JournalEntry::state)
			.isEqualTo(JournalState.CLOSED);
		assertThat(this.server.requests()).filteredOn((request) -> request.path().equals(CREATE_PATH)).isEmpty();
		assertThat(fixture.journal()
			.report(JournalKind.PAY_IN, "default", "cart-3", JournalState.SUCCEEDED, "SUCCESS", null)).isTrue();
		assertThat(fixture.journal().findPayIn("cart-3")).get()
			.extracting(JournalEntry::state)
			.isEqualTo(JournalState.SUCCEEDED);
		fixture.publisher().runOnce();
		assertThat(this.events).filteredOn((event) -> event.kind() == JournalKind.PAY_IN)
			.extracting(JournalEvent::outTradeNo, JournalEvent::state)
			.contains(tuple("cart-1", JournalState.SUCCEEDED), tuple("cart-2", JournalState.CLOSED));
	}

	private Fixture fixture(Database database) {
		Database.Tables tables = database.tables();
		JdbcPayoutJournal journal = new JdbcPayoutJournal(tables.dataSource(),
				new DataSourceTransactionManager(tables.dataSource()), this.clock, tables.prefix(), "default");
		PayoutJournalDispatcher dispatcher = new PayoutJournalDispatcher(journal, (merchant) -> this.tokenPay,
				this.clock, SETTINGS);
		ApplicationEventPublisher listeners = (event) -> this.events.add((JournalEvent) event);
		return new Fixture(tables, journal, dispatcher,
				new PayoutJournalEventPublisher(journal, listeners, Duration.ofSeconds(30), 20));
	}

	/**
	 * Count the creates of an order the mock applied: answered with code 0, or applied
	 * before the connection was dropped (no code). A repeat is refused with 12001.
	 */
	private long creates(String outTradeNo) {
		return this.server.requests()
			.stream()
			.filter((request) -> request.path().equals(CREATE_PATH))
			.filter((request) -> request.code() == null || request.code() == 0)
			.filter((request) -> request.bodyAsString().contains("\"out_trade_no\":\"" + outTradeNo + "\""))
			.count();
	}

	private static CreatePayInRequest payIn(String outTradeNo) {
		return CreatePayInRequest.builder(new BigDecimal("9.99"), Chain.TRON, "USDT").outTradeNo(outTradeNo).build();
	}

	static CreatePayoutRequest request(String outTradeNo) {
		return CreatePayoutRequest.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", ADDRESS)
			.outTradeNo(outTradeNo)
			.build();
	}

	private record Fixture(Database.Tables tables, JdbcPayoutJournal journal, PayoutJournalDispatcher dispatcher,
			PayoutJournalEventPublisher publisher) {

	}

	private static final class TestClock extends Clock {

		private volatile Instant now;

		TestClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
