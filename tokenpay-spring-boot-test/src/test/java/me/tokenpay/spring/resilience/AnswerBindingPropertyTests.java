package me.tokenpay.spring.resilience;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.PayInQuery;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random answers that differ from the request in one field, for every operation
 * that answers about an order: whatever the field, the value and whether the lie lasts, a
 * call either fails with a {@link TokenPayException} or returns exactly what was asked,
 * and no create reaches the gateway twice.
 *
 * @author TokenPay Spring Boot team
 */
class AnswerBindingPropertyTests {

	private static final long SEED = 20261204L;

	private static final int CASES = 80;

	private static final List<String> OPERATIONS = List.of("create-payout", "query-payout", "create-pay-in",
			"query-pay-in");

	private static final List<String> FIELDS = List.of("out_trade_no", "transaction_id", "amount", "decimals", "chain",
			"currency", "to_address");

	private static MockTokenPayServer server;

	private static TestTokenPayClient client;

	@BeforeAll
	static void start() {
		server = MockTokenPayServer.start();
		client = TestTokenPayClient.create(server, "tokenpay.payout.resolve-attempts=1",
				"tokenpay.payout.resolve-delay=1ms", "tokenpay.pay-in.resolve-attempts=1",
				"tokenpay.pay-in.resolve-delay=1ms");
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	static List<Case> cases() {
		Random random = new Random(SEED);
		return IntStream.range(0, CASES)
			.mapToObj((i) -> new Case(i, OPERATIONS.get(random.nextInt(OPERATIONS.size())),
					FIELDS.get(random.nextInt(FIELDS.size())), random.nextLong(), random.nextBoolean()))
			.toList();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void aDifferingFieldNeverYieldsASuccessThatDiffersFromTheRequest(Case c) {
		String outTradeNo = "prop-" + c.index() + "-" + Long.toHexString(c.seed());
		Random random = new Random(c.seed());
		Fault fault = Fault.fieldDiffers(c.field(), differentValue(c.field(), random));
		switch (c.operation()) {
			case "create-payout" -> {
				inject(c, outTradeNo, fault);
				attempt(() -> client.template().payouts().create(AnswerBindingTests.payoutRequest(outTradeNo)))
					.ifPresent((payout) -> assertAsked(payout, outTradeNo));
				assertThat(requests(PayoutTemplate.CREATE_PAYOUT.path(), outTradeNo)).isOne();
			}
			case "query-payout" -> {
				Payout created = client.template().payouts().create(AnswerBindingTests.payoutRequest(outTradeNo));
				inject(c, outTradeNo, fault);
				boolean byTransactionId = random.nextBoolean();
				PayoutQuery query = byTransactionId ? PayoutQuery.byTransactionId(created.transactionId())
						: PayoutQuery.byOutTradeNo(outTradeNo);
				attempt(() -> client.template().payouts().get(query)).ifPresent((payout) -> {
					if (byTransactionId) {
						assertThat(payout.transactionId()).isIn(created.transactionId(), null);
					}
					else {
						assertThat(payout.outTradeNo()).isIn(outTradeNo, null);
					}
				});
			}
			case "create-pay-in" -> {
				inject(c, outTradeNo, fault);
				attempt(() -> client.template().payIns().create(AnswerBindingTests.payInRequest(outTradeNo)))
					.ifPresent((order) -> assertAsked(order, outTradeNo));
				assertThat(requests(PayInTemplate.CREATE_PAY_IN.path(), outTradeNo)).isOne();
			}
			default -> {
				client.template().payIns().create(AnswerBindingTests.payInRequest(outTradeNo));
				inject(c, outTradeNo, fault);
				attempt(() -> client.template().payIns().get(PayInQuery.byOutTradeNo(outTradeNo)))
					.ifPresent((order) -> assertThat(order.outTradeNo()).isIn(outTradeNo, null));
			}
		}
		server.faults().clear();
	}

	private static void inject(Case c, String outTradeNo, Fault fault) {
		if (c.lasting()) {
			server.faults().injectForPayout(outTradeNo, fault);
		}
		else {
			server.faults().enqueueFor(c.operation(), fault);
		}
	}

	private static <T> Optional<T> attempt(Supplier<T> call) {
		try {
			return Optional.of(call.get());
		}
		catch (TokenPayException ex) {
			return Optional.empty();
		}
	}

	private static void assertAsked(Payout payout, String outTradeNo) {
		assertThat(payout.outTradeNo()).isEqualTo(outTradeNo);
		if (payout.amount() != null) {
			assertThat(payout.amount()).isEqualByComparingTo(amount());
		}
		assertThat(payout.chain()).isIn(Chain.TRON, null);
		assertThat(payout.currency()).isIn("USDT", null);
		assertThat(payout.toAddress()).isIn(AnswerBindingTests.payoutRequest(outTradeNo).toAddress(), null);
	}

	private static void assertAsked(PayInOrder order, String outTradeNo) {
		assertThat(order.outTradeNo()).isEqualTo(outTradeNo);
		Transaction transaction = order.transaction();
		if (transaction != null) {
			assertThat(transaction.outTradeNo()).isIn(outTradeNo, null);
			if (transaction.amount() != null) {
				assertThat(transaction.amount()).isEqualByComparingTo(amount());
			}
			assertThat(transaction.chain()).isIn(Chain.TRON, null);
			assertThat(transaction.currency()).isIn("USDT", null);
		}
	}

	private static BigDecimal amount() {
		return AnswerBindingTests.payoutRequest("x").amount();
	}

	private static long requests(String path, String outTradeNo) {
		return server.requests()
			.stream()
			.filter((request) -> request.path().equals(path) && request.bodyAsString().contains(outTradeNo))
			.count();
	}

	private static Object differentValue(String field, Random random) {
		return switch (field) {
			case "out_trade_no" -> "other-" + Long.toHexString(random.nextLong());
			case "transaction_id" -> Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
			case "amount" -> List.<Object>of(12_500_001, 1, -12_500_000, new BigDecimal("12.5"), new BigDecimal("1e40"),
					"1" + "0".repeat(61), "twelve")
				.get(random.nextInt(7));
			case "decimals" -> List.<Object>of(0, 2, 7, 18, 36, 37, -1, Integer.MAX_VALUE).get(random.nextInt(8));
			case "chain" -> List.<Object>of("ETHEREUM", "BSC", "TR ON", 7).get(random.nextInt(4));
			case "currency" -> List.<Object>of("TRX", "USDC", "usdt", 1).get(random.nextInt(4));
			default -> "T" + Long.toHexString(random.nextLong());
		};
	}

	record Case(int index, String operation, String field, long seed, boolean lasting) {

		@Override
		public String toString() {
			return this.index + ": " + this.operation + " " + this.field + (this.lasting ? " (lasting)" : " (once)");
		}

	}

}
