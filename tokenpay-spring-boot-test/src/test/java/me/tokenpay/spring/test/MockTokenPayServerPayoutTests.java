package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import me.tokenpay.spring.test.RawTokenPayClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the payout operations of {@link MockTokenPayServer}: Create Payout, the
 * payout query and Cancel Payout, balances, the test API and per-operation faults.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerPayoutTests {

	private static final String CREATE = "/v1/payanother/payment";

	private static final String QUERY = "/v1/payanother/query";

	private static final String CANCEL = "/v1/payanother/close";

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private MockTokenPayServer server;

	private RawTokenPayClient client;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start();
		this.client = new RawTokenPayClient(this.server, Clock.systemUTC());
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void createStoresAPendingPayoutDebitsTheBalanceAndAnswersItsDetail() {
		Response response = create(payout("12.5", "order-1")).verify();
		assertThat(response.code()).isZero();
		JsonNode data = response.json().get("data");
		assertThat(data.get("out_trade_no").asString()).isEqualTo("order-1");
		assertThat(data.get("transaction_id").asString()).matches("[0-9a-f]{32}");
		assertThat(data.get("trade_state").asString()).isEqualTo("NOTPAY");
		assertThat(data.get("status").asInt()).isZero();
		assertThat(data.get("amount").asLong()).isEqualTo(12_500_000L);
		assertThat(data.get("decimals").asInt()).isEqualTo(6);
		assertThat(data.get("currency").get("currency").asString()).isEqualTo("USDT");
		assertThat(data.get("to_address").asString()).isEqualTo(ADDRESS);
		assertThat(data.get("pay_time").asLong()).isZero();
		MockPayout payout = this.server.payouts().get("order-1");
		assertThat(payout).isNotNull();
		assertThat(payout.state()).isEqualTo(PayoutState.PENDING);
		assertThat(payout.amount()).isEqualByComparingTo("12.5");
		assertThat(this.server.payouts().get(payout.transactionId())).isEqualTo(payout);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("999987.5");
	}

	@Test
	void createWithoutOutTradeNoGeneratesOne() {
		Map<String, Object> fields = payout("1", "x");
		fields.remove("out_trade_no");
		String outTradeNo = create(fields).json().get("data").get("out_trade_no").asString();
		assertThat(outTradeNo).matches("[0-9a-f]{32}");
		assertThat(this.server.payouts().get(outTradeNo)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e3", "-1", "0", "0.00", "abc", " 1", "1.", ".5", "" })
	void createRefusesAnAmountThatIsNoPositiveDecimalString(String amount) {
		assertThat(create(payout(amount, "order-a")).code()).isIn(100, 11003);
		assertThat(this.server.payouts().all()).isEmpty();
	}

	@Test
	void createRefusesAnAmountSentAsANumber() {
		Map<String, Object> fields = payout("1", "order-n");
		fields.put("amount", 12.5);
		assertThat(create(fields).code()).isEqualTo(100);
	}

	@Test
	void createRefusesAMissingAddress() {
		Map<String, Object> fields = payout("1", "order-m");
		fields.remove("to_address");
		Response response = create(fields);
		assertThat(response.code()).isEqualTo(11003);
		assertThat(response.json().get("msg").asString()).contains("to_address");
	}

	@Test
	void createRefusesAnOutTradeNoOfMoreThan64Characters() {
		assertThat(create(payout("1", "o".repeat(65))).code()).isEqualTo(100);
		assertThat(create(payout("1", "o".repeat(64))).code()).isZero();
	}

	@Test
	void createRefusesARepeatedOutTradeNoWithoutDebitingTwice() {
		assertThat(create(payout("10", "order-r")).code()).isZero();
		assertThat(create(payout("10", "order-r")).code()).isEqualTo(12001);
		assertThat(this.server.payouts().all()).hasSize(1);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("999990");
	}

	@Test
	void createRefusesAnAmountAboveTheBalance() {
		this.server.balances().seed("TRON", "USDT", new BigDecimal("5"));
		assertThat(create(payout("5.000001", "order-b")).code()).isEqualTo(20002);
		assertThat(create(payout("5", "order-c")).code()).isZero();
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("0");
	}

	@Test
	void createRefusesMoreDecimalsThanTheCurrencyHasAndUnknownCurrencies() {
		assertThat(create(payout("1.0000001", "order-d")).code()).isEqualTo(20005);
		Map<String, Object> fields = payout("1", "order-e");
		fields.put("currency", "DOGE");
		assertThat(create(fields).code()).isEqualTo(20005);
		this.server.balances().seedCurrency("TRON", "DOGE", 8);
		assertThat(create(fields).code()).isZero();
	}

	@Test
	void queryFindsAPayoutByEitherIdOverPostAndGet() {
		String transactionId = create(payout("3", "order-q")).json().get("data").get("transaction_id").asString();
		assertThat(this.client.signed("POST", QUERY, this.client.merchantBody(Map.of("out_trade_no", "order-q")))
			.verify()
			.json()
			.get("data")
			.get("transaction_id")
			.asString()).isEqualTo(transactionId);
		assertThat(this.client.signed("POST", QUERY, this.client.merchantBody(Map.of("transaction_id", transactionId)))
			.json()
			.get("data")
			.get("out_trade_no")
			.asString()).isEqualTo("order-q");
		String byGet = QUERY + "?out_trade_no=" + URLEncoder.encode("order-q", StandardCharsets.UTF_8);
		assertThat(this.client.signed("GET", byGet, new byte[0])
			.verify()
			.json()
			.get("data")
			.get("transaction_id")
			.asString()).isEqualTo(transactionId);
	}

	@Test
	void queryOfAnUnknownPayoutIsAbsentAndAQueryWithoutIdIsIncomplete() {
		assertThat(this.client.signed("POST", QUERY, this.client.merchantBody(Map.of("out_trade_no", "nope"))).code())
			.isEqualTo(12002);
		assertThat(this.client.signed("GET", QUERY + "?transaction_id=nope", new byte[0]).code()).isEqualTo(12002);
		assertThat(this.client.signed("POST", QUERY, this.client.merchantBody(Map.of())).code()).isEqualTo(11003);
	}

	@Test
	void queryByGetSignsTheQueryString() {
		create(payout("3", "order-g"));
		byte[] empty = new byte[0];
		Response unsigned = this.client.send("GET", QUERY + "?out_trade_no=order-g",
				this.client.authorization(QUERY, empty), empty);
		assertThat(unsigned.code()).isEqualTo(103);
	}

	@Test
	void cancelOfACreatedPayoutClosesItAndRefundsIt() {
		String transactionId = create(payout("7", "order-x")).json().get("data").get("transaction_id").asString();
		assertThat(this.client.cancel(transactionId).code()).isZero();
		assertThat(this.server.payouts().state("order-x")).isEqualTo(PayoutState.CLOSED);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("1000000");
		JsonNode data = this.client.signed("POST", QUERY, this.client.merchantBody(Map.of("out_trade_no", "order-x")))
			.json()
			.get("data");
		assertThat(data.get("trade_state").asString()).isEqualTo("CLOSED");
		assertThat(data.get("close_time").asLong()).isPositive();
		assertThat(this.client.cancel(transactionId).code()).isEqualTo(MockTokenPayServer.NOT_CLOSABLE_CODE);
	}

	@Test
	void markPaidSetsThePaymentAndRefusesCancel() {
		create(payout("2", "order-p"));
		MockPayout paid = this.server.payouts().markPaid("order-p");
		assertThat(paid.state()).isEqualTo(PayoutState.SUCCESS);
		assertThat(paid.txId()).matches("[0-9a-f]{64}");
		assertThat(paid.payTime()).isNotNull();
		JsonNode data = this.client.signed("POST", QUERY, this.client.merchantBody(Map.of("out_trade_no", "order-p")))
			.json()
			.get("data");
		assertThat(data.get("trade_state").asString()).isEqualTo("SUCCESS");
		assertThat(data.get("tx_id").asString()).isEqualTo(paid.txId());
		assertThat(data.get("block_no").asLong()).isPositive();
		assertThat(this.client.cancel(paid.transactionId()).code()).isEqualTo(20005);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("999998");
	}

	@Test
	void markFailedRefunds() {
		create(payout("2", "order-f"));
		assertThat(this.server.payouts().markFailed("order-f").state()).isEqualTo(PayoutState.FAILED);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("1000000");
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.payouts().markPaid("unknown"));
	}

	@Test
	void faultForAnOperationMeetsOnlyItsNextRequest() {
		this.server.faults().enqueueFor("create-payout", Fault.gatewayCode(11001));
		String payoutId = this.server.payouts().seedOpen();
		assertThat(this.client.cancel(payoutId).code()).isZero();
		assertThat(create(payout("1", "order-o")).code()).isEqualTo(11001);
		assertThat(create(payout("1", "order-o")).code()).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.server.faults().enqueueFor("pay-out", Fault.emptyBody()));
	}

	@Test
	void delayedCreateIsStoredBeforeTheAnswerIsLate() throws Exception {
		this.server.faults().enqueueFor("create-payout", Fault.delay(Duration.ofMillis(300)));
		Response response = create(payout("1", "order-late"));
		assertThat(response.code()).isZero();
		assertThat(this.server.lastRequest().verdict()).contains("DELAY");
	}

	@Test
	void resetAfterApplyingStoresThePayoutAndAnswersNothing() {
		this.server.faults().enqueueFor("create-payout", Fault.resetAfterApplying());
		assertThatIllegalStateException().isThrownBy(() -> create(payout("4", "order-lost")));
		assertThat(this.server.payouts().state("order-lost")).isEqualTo(PayoutState.PENDING);
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("999996");
		assertThat(this.server.lastRequest().code()).isZero();
	}

	@Test
	void connectionResetAppliesNothing() {
		this.server.faults().enqueueFor("create-payout", Fault.connectionReset());
		assertThatIllegalStateException().isThrownBy(() -> create(payout("4", "order-reset")));
		assertThat(this.server.payouts().all()).isEmpty();
	}

	@Test
	void faultForAPayoutMatchesItsOrderNumber() {
		this.server.faults().injectForPayout("order-i", Fault.httpStatus(503));
		assertThat(create(payout("1", "order-i")).status()).isEqualTo(503);
		assertThat(create(payout("1", "order-j")).code()).isZero();
	}

	@Test
	void resetRestoresBalancesCurrenciesPathsAndPayouts() {
		create(payout("1", "order-z"));
		this.server.balances().seed("TRON", "USDT", BigDecimal.TEN).seedCurrency("TRON", "DOGE", 8);
		this.server.operationPath("create-payout", "/v1/payout/payment").reset();
		assertThat(this.server.payouts().all()).isEmpty();
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("1000000");
		Map<String, Object> doge = payout("1", "order-doge");
		doge.put("currency", "DOGE");
		assertThat(create(doge).code()).isEqualTo(20005);
		assertThat(create(payout("1", "order-z")).code()).isZero();
	}

	@Test
	void operationPathMovesAnOperation() {
		this.server.operationPath("create-payout", "/v1/payout/payment");
		byte[] body = this.client.merchantBody(payout("1", "order-moved"));
		assertThat(this.client.signed("POST", CREATE, body).status()).isEqualTo(404);
		assertThat(this.client.signed("POST", "/v1/payout/payment", body).code()).isZero();
	}

	@Test
	void concurrentCreatesNeverOverdrawAndStoreARepeatedOrderNumberOnce() throws Exception {
		this.server.balances().seed("TRON", "USDT", new BigDecimal("10"));
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				String outTradeNo = "order-c" + i;
				calls.add(() -> create(payout("1", outTradeNo)).code());
				calls.add(() -> create(payout("0.5", "order-same")).code());
			}
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> result : executor.invokeAll(calls)) {
				codes.add(result.get());
			}
			assertThat(codes).containsOnly(0, 12001, 20002);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.payouts().all()).filteredOn((payout) -> payout.outTradeNo().equals("order-same"))
			.hasSize(1);
		BigDecimal paidOut = this.server.payouts()
			.all()
			.stream()
			.map(MockPayout::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(paidOut).isLessThanOrEqualTo(new BigDecimal("10"));
		assertThat(this.server.balances().get("TRON", "USDT"))
			.isEqualByComparingTo(new BigDecimal("10").subtract(paidOut));
	}

	private Response create(Map<String, Object> fields) {
		return this.client.signed("POST", CREATE, this.client.merchantBody(fields));
	}

	private static Map<String, Object> payout(String amount, String outTradeNo) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("out_trade_no", outTradeNo);
		fields.put("amount", amount);
		fields.put("chain", "TRON");
		fields.put("currency", "USDT");
		fields.put("to_address", ADDRESS);
		return fields;
	}

}
