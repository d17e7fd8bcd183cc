package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInClosure;
import me.tokenpay.spring.client.payin.PayInConflictException;
import me.tokenpay.spring.client.payin.PayInNotClosableException;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.PayInQuery;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.test.RawTokenPayClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for pay-in orders, the currency list and the balance inquiry, run by a
 * {@link TokenPayTemplate} against {@link MockTokenPayServer} over HTTP, and for the
 * mock's strict checks of those requests.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerPayInTests {

	private static final String CREATE = "/v1/transaction/prepayment";

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private MockTokenPayServer server;

	private TokenPayTemplate template;

	private RawTokenPayClient client;

	@BeforeEach
	void start() {
		this.server = MockTokenPayServer.start();
		this.template = TokenPayTemplates.template(this.server, Duration.ofSeconds(1))
			.mutate()
			.payInSettings(PayInSettings.defaults().withResolveDelay(Duration.ofMillis(20)))
			.build();
		this.client = new RawTokenPayClient(this.server, Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createdOrderIsUnpaidWithAnAbsolutePaymentUrlAndItsExpiry() {
		PayInOrder order = this.template.payIns()
			.create(CreatePayInRequest.builder(new BigDecimal("9.99"), Chain.TRON, "USDT")
				.outTradeNo("pay-in-1")
				.expireSecond(120)
				.description("order 1")
				.build());
		MockPayIn payIn = this.server.payIns().get("pay-in-1");
		assertThat(payIn).isNotNull();
		assertThat(payIn.state()).isEqualTo(PayInState.NOTPAY);
		assertThat(payIn.amount()).isEqualByComparingTo("9.99");
		assertThat(order.outTradeNo()).isEqualTo("pay-in-1");
		assertThat(order.prepayId()).isEqualTo(payIn.prepayId());
		assertThat(order.paymentUrl())
			.isEqualTo(URI.create(this.server.baseUrl() + "/pay/order?prepay_id=" + payIn.prepayId()));
		assertThat(order.expiresAt()).isBetween(payIn.expireTime().minusSeconds(2), payIn.expireTime());
		assertThat(order.isFoundByQuery()).isFalse();
		String sent = this.server.lastRequest().bodyAsString();
		assertThat(sent).contains("\"amount\":9.99,")
			.contains("\"expire_second\":120,")
			.contains("\"order_type\":\"platform_order\"");
	}

	@Test
	void queryFollowsTheOrderFromUnpaidToPaid() {
		PayInOrder order = createOrder("pay-in-2", "15");
		Transaction unpaid = this.template.payIns().getByOutTradeNo(order.outTradeNo());
		assertThat(unpaid.tradeState()).isEqualTo(TradeState.NOTPAY);
		assertThat(unpaid.amount()).isEqualByComparingTo("15");
		assertThat(unpaid.payTime()).isNull();
		assertThat(this.server.lastRequest().path()).isEqualTo("/v1/transaction/query?out_trade_no=pay-in-2");
		MockPayIn paid = this.server.payIns().markPaid("pay-in-2");
		Transaction found = this.template.payIns().get(PayInQuery.byTransactionId(paid.transactionId()));
		assertThat(found.isPaid()).isTrue();
		assertThat(found.txId()).isEqualTo(paid.txId());
		assertThat(found.blockNo()).isEqualTo(paid.blockNo());
		assertThat(found.payTime()).isNotNull();
		assertThat(found.outTradeNo()).isEqualTo("pay-in-2");
		assertThat(this.server.balances().get("TRON", "USDT")).isEqualByComparingTo("1000015");
	}

	@Test
	void queryCanSendItsIdsInTheBodyOrWithGet() {
		createOrder("pay-in-3", "1");
		TokenPayClientSettings settings = TokenPayClientSettings.defaults(URI.create(this.server.baseUrl()));
		TokenPayTemplate inBody = this.template.mutate()
			.settings(settings.withOperation("query-pay-in", new OperationOverride(null, null, ParameterLocation.BODY)))
			.build();
		assertThat(inBody.payIns().getByOutTradeNo("pay-in-3").tradeState()).isEqualTo(TradeState.NOTPAY);
		assertThat(this.server.lastRequest().path()).isEqualTo("/v1/transaction/query");
		assertThat(this.server.lastRequest().bodyAsString()).contains("\"out_trade_no\":\"pay-in-3\"");
		TokenPayTemplate withGet = this.template.mutate()
			.settings(settings.withOperation("query-pay-in", new OperationOverride(null, QueryMethod.GET, null)))
			.build();
		assertThat(withGet.payIns().getByOutTradeNo("pay-in-3").outTradeNo()).isEqualTo("pay-in-3");
		assertThat(this.server.lastRequest().method()).isEqualTo("GET");
	}

	@Test
	void closeClosesAnUnpaidOrderAndARepeatIsStillSuccess() {
		createOrder("pay-in-4", "2");
		String transactionId = this.server.payIns().get("pay-in-4").transactionId();
		PayInClosure closure = this.template.payIns().close(transactionId);
		assertThat(closure.alreadyClosed()).isFalse();
		assertThat(this.server.payIns().get(transactionId).state()).isEqualTo(PayInState.CLOSED);
		PayInClosure repeat = this.template.payIns().close(transactionId);
		assertThat(repeat.alreadyClosed()).isTrue();
		assertThat(repeat.transactionId()).isEqualTo(transactionId);
		assertThat(this.template.payIns().getByOutTradeNo("pay-in-4").closeTime()).isNotNull();
	}

	@Test
	void closeOfAPaidOrderIsRefusedWithTheOrder() {
		createOrder("pay-in-5", "3");
		MockPayIn paid = this.server.payIns().markPaid("pay-in-5");
		assertThatExceptionOfType(PayInNotClosableException.class)
			.isThrownBy(() -> this.template.payIns().close(paid.transactionId()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(20005);
				assertThat(ex.getOrder().isPaid()).isTrue();
			});
	}

	@Test
	void closeOfAnUnknownOrderIsTheGatewaysRefusal() {
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.payIns().close("0123456789abcdef0123456789abcdef"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
	}

	@Test
	void anOrderExpiresUnpaid() {
		createOrder("pay-in-6", "4");
		this.server.payIns().expire("pay-in-6");
		assertThat(this.template.payIns().getByOutTradeNo("pay-in-6").tradeState()).isEqualTo(TradeState.CLOSED);
		assertThatIllegalStateException().isThrownBy(() -> this.server.payIns().markPaid("pay-in-6"));
	}

	@Test
	void anOrderPastItsExpirySecondsIsClosedByTheServersClock() {
		MutableClock clock = new MutableClock(Instant.now());
		this.server.clock(clock);
		createOrder("pay-in-7", "4");
		clock.advance(Duration.ofSeconds(601));
		assertThat(this.server.payIns().get("pay-in-7").state()).isEqualTo(PayInState.CLOSED);
	}

	@Test
	void createWhoseAnswerWasLostIsFoundByItsOutTradeNo() {
		this.server.faults().enqueueFor("create-pay-in", Fault.resetAfterApplying());
		PayInOrder order = createOrder("pay-in-8", "5");
		assertThat(order.isFoundByQuery()).isTrue();
		assertThat(order.prepayId()).isNull();
		assertThat(order.transaction().tradeState()).isEqualTo(TradeState.NOTPAY);
		assertThat(order.expiresAt())
			.isEqualTo(this.server.payIns().get("pay-in-8").expireTime().truncatedTo(ChronoUnit.MILLIS));
		assertThat(this.server.payIns().all()).hasSize(1);
		assertThat(this.server.requests()).extracting(MockTokenPayRequest::path)
			.containsExactly(CREATE, "/v1/transaction/query?out_trade_no=pay-in-8");
	}

	@Test
	void createWhoseAnswerWasLostAndNeverStoredIsAnUnknownOutcomeWithItsOutTradeNo() {
		this.server.faults().enqueueFor("create-pay-in", Fault.connectionReset());
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> createOrder("pay-in-9", "5"))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo("pay-in-9");
				assertThat(ex.getOperation()).isEqualTo("create-pay-in");
			});
		assertThat(this.server.payIns().all()).isEmpty();
	}

	@Test
	void repeatedCreateReturnsTheSameOrderAndAnotherAmountIsAConflict() {
		createOrder("pay-in-10", "6");
		PayInOrder repeat = createOrder("pay-in-10", "6.000");
		assertThat(repeat.isFoundByQuery()).isTrue();
		assertThat(this.server.payIns().all()).hasSize(1);
		assertThatExceptionOfType(PayInConflictException.class).isThrownBy(() -> createOrder("pay-in-10", "7"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(12001);
				assertThat(ex.getExisting().amount()).isEqualByComparingTo("6");
			});
	}

	@Test
	void createOfAnUnknownCurrencyIsRefused() {
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.payIns()
				.create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.of("SOLANA"), "SOL").build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20005));
	}

	@Test
	void serverRefusesAnAmountSentAsAString() {
		Map<String, Object> fields = payIn("pay-in-11");
		fields.put("amount", "9.99");
		assertThat(this.client.signed("POST", CREATE, this.client.merchantBody(fields)).verify().code()).isEqualTo(100);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 59, 86_401 })
	void serverRefusesAValidityOutOfRange(int expireSecond) {
		Map<String, Object> fields = payIn("pay-in-12");
		fields.put("expire_second", expireSecond);
		Response response = this.client.signed("POST", CREATE, this.client.merchantBody(fields)).verify();
		assertThat(response.code()).isEqualTo(100);
		assertThat(response.json().get("msg").asString()).contains("expire_second");
	}

	@Test
	void serverRefusesAMerchantOrderWithoutAddress() {
		Map<String, Object> fields = payIn("pay-in-13");
		fields.put("order_type", "merchant_order");
		assertThat(this.client.signed("POST", CREATE, this.client.merchantBody(fields)).verify().code())
			.isEqualTo(11003);
	}

	@Test
	void currenciesAreTheServersDefaultsAndACachedListCostsNoRequest() {
		List<Currency> currencies = this.template.currencies();
		assertThat(currencies).extracting((currency) -> currency.chain().value() + "/" + currency.currency())
			.containsExactly("TRON/TRX", "TRON/USDT", "ETHEREUM/ETH", "ETHEREUM/USDT", "BSC/BNB", "BSC/USDT");
		Currency usdt = currencies.get(1);
		assertThat(usdt.decimal()).isEqualTo(6);
		assertThat(usdt.network()).isEqualTo("TRC20");
		assertThat(usdt.minPaymentAmount()).isEqualByComparingTo("0");
		assertThat(usdt.paymentTronLink()).isTrue();
		assertThat(this.server.requests()).hasSize(1);
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/v1/currency/index");
		assertThat(request.header("Authorization")).isNull();
		assertThat(this.template.currencies()).isEqualTo(currencies);
		assertThat(this.server.requests()).hasSize(1);
		this.server.balances().seedCurrency("TRON", "USDD", 18);
		assertThat(this.template.refreshCurrencies()).hasSize(7);
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void currenciesWithoutCacheCallEveryTime() {
		TokenPayTemplate uncached = this.template.mutate()
			.currencySettings(new CurrencySettings(Duration.ZERO))
			.build();
		uncached.currencies();
		uncached.currencies();
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void knownDecimalsRefuseATooPreciseAmountBeforeSending() {
		this.template.currencies();
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> this.template.payouts()
				.create(CreatePayoutRequest.builder(new BigDecimal("1.0000001"), Chain.TRON, "USDT", ADDRESS).build()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("amount"))
			.withMessageContaining("at most 6 decimal places");
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> createOrder("pay-in-14", "1.0000001"));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void balanceReflectsPayoutsAndPaidOrders() {
		this.server.balances().seed("TRON", "USDT", new BigDecimal("100"));
		Balance before = this.template.balance(Chain.TRON, "USDT");
		assertThat(before.balance()).isEqualByComparingTo("100");
		assertThat(before.minorBalance()).isEqualTo(100_000_000);
		assertThat(before.decimal()).isEqualTo(6);
		this.template.payouts()
			.create(CreatePayoutRequest.builder(new BigDecimal("40.5"), Chain.TRON, "USDT", ADDRESS).build());
		createOrder("pay-in-15", "0.25");
		this.server.payIns().markPaid("pay-in-15");
		assertThat(this.template.balance(Chain.TRON, "USDT").balance()).isEqualByComparingTo("59.75");
	}

	@Test
	void balanceOfAnUnknownCurrencyIsRefused() {
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.balance(Chain.TRON, "DOGE"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20005));
	}

	private PayInOrder createOrder(String outTradeNo, String amount) {
		return this.template.payIns()
			.create(CreatePayInRequest.builder(new BigDecimal(amount), Chain.TRON, "USDT")
				.outTradeNo(outTradeNo)
				.build());
	}

	private static Map<String, Object> payIn(String outTradeNo) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("out_trade_no", outTradeNo);
		fields.put("amount", new BigDecimal("9.99"));
		fields.put("chain", "TRON");
		fields.put("currency", "USDT");
		fields.put("expire_second", 600);
		fields.put("order_type", "platform_order");
		return fields;
	}

}
