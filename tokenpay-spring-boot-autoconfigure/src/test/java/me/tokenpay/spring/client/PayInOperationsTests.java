package me.tokenpay.spring.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInAmountFormat;
import me.tokenpay.spring.client.payin.PayInClosure;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.PayInQuery;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.MCH_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.assertCorrectlySigned;
import static me.tokenpay.spring.client.TokenPayTestServer.baseUrl;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.takeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the pay-in operations of {@link TokenPayTemplate}: what create, query and
 * close send under each setting, how every documented answer shape decodes, and how
 * failures are retried, resolved or reported.
 *
 * @author TokenPay Spring Boot team
 */
class PayInOperationsTests {

	private static final String OUT_TRADE_NO = "fb722ca8-ed7b-444b-9f58-0b5c8a7b52cb";

	private static final String TRANSACTION_ID = "e98b3029477f4bdcb971797a9d9e09ce";

	/**
	 * TokenPay's TransactionDetail example (A.4), with the currency object's trailing
	 * comma removed.
	 */
	private static final String DOCUMENTED_DETAIL = """
			{"out_trade_no":"fb722ca8-ed7b-444b-9f58-0b5c8a7b52cb","transaction_id":"e98b3029477f4bdcb971797a9d9e09ce",
			"trade_state":"SUCCESS","description":"recharge","block_no":33215220,"create_time":1673407302044,
			"block_time":1673407329000,"expire_time":1673407902044,"expire_second":0,"pay_time":1673407329000,
			"close_time":0,"tx_id":"9fdf0ab5a33a","from_address":"TULRFYoFuEmUbxxxxxxxx8nQYFHJ88888",
			"contract_address":"","to_address":"TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w","amount":15000000,"decimals":6,
			"chain":"TRON","attach":"","service_amount":45000,"service_amount_currency":"USDT",
			"notify_url":"/console/callback/pay","notify_num":1,"notify_status":2,"status":2,
			"currency":{"type":"TRX","chain":"TRON","code":"TRON_USDT","currency":"USDT","name":"USDT",
			"sub_name":"TRON","logo":"https://example.com/usdt.png","contract_address":"","decimal":6}}""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void createSendsTheDocumentedFieldsWithTheAmountAsANumber() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer("{\"prepay_id\":\"p-1\",\"payment_url\":\"/pay/order?prepay_id=p-1\"}"));
		Instant before = Instant.now();
		PayInOrder order = template.payIns()
			.create(CreatePayInRequest.builder(new BigDecimal("9.990"), Chain.TRON, "USDT")
				.outTradeNo(OUT_TRADE_NO)
				.expireSecond(3600)
				.description("recharge")
				.attach("user=7")
				.locale("en")
				.notifyUrl("https://shop.example.com/tokenpay")
				.returnUrl("myapp://orders/7")
				.build());
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getTarget()).isEqualTo("/v1/transaction/prepayment");
		assertThat(request.getBody().utf8())
			.isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID + "\",\"out_trade_no\":\"" + OUT_TRADE_NO
					+ "\",\"amount\":9.99,\"chain\":\"TRON\",\"currency\":\"USDT\","
					+ "\"expire_second\":3600,\"order_type\":\"platform_order\",\"description\":\"recharge\","
					+ "\"attach\":\"user=7\",\"locale\":\"en\",\"notify_url\":\"https://shop.example.com/tokenpay\","
					+ "\"return_url\":\"myapp://orders/7\"}");
		assertCorrectlySigned(request, "/v1/transaction/prepayment");
		assertThat(order.outTradeNo()).isEqualTo(OUT_TRADE_NO);
		assertThat(order.prepayId()).isEqualTo("p-1");
		assertThat(order.paymentUrl()).isEqualTo(URI.create(baseUrl(this.server) + "pay/order?prepay_id=p-1"));
		assertThat(order.expiresAt()).isBetween(before.plusSeconds(3600), Instant.now().plusSeconds(3600));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "create-pay-in")
			.hasHighCardinalityKeyValue("tokenpay.resource.id", OUT_TRADE_NO);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			NUMBER      | 1E+3  | 1000
			NUMBER      | 0.10  | 0.1
			STRING      | 12.50 | "12.5"
			MINOR_UNITS | 9.99  | 9990000
			MINOR_UNITS | 1E+2  | 100000000
			""")
	void createSendsTheAmountInTheConfiguredFormat(PayInAmountFormat format, String amount, String sent)
			throws Exception {
		TokenPayTemplate template = template(format);
		if (format == PayInAmountFormat.MINOR_UNITS) {
			this.server.enqueue(answer("[{\"chain\":\"TRON\",\"currency\":\"USDT\",\"decimal\":\"6\"}]"));
		}
		this.server.enqueue(answer("{\"prepay_id\":\"p-1\"}"));
		template.payIns().create(CreatePayInRequest.builder(new BigDecimal(amount), Chain.TRON, "USDT").build());
		if (format == PayInAmountFormat.MINOR_UNITS) {
			assertThat(takeRequest(this.server).getTarget()).isEqualTo("/v1/currency/index");
		}
		JsonNode body = this.mapper.readTree(takeRequest(this.server).getBody().utf8());
		assertThat(body.get("amount").toString()).isEqualTo(sent);
	}

	@Test
	void createInMinorUnitsOfACurrencyTheListLacksIsRefusedBeforeSending() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.MINOR_UNITS);
		this.server.enqueue(answer("[]"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class).isThrownBy(
				() -> template.payIns().create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "XYZ").build()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("currency"));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://cashier.tokenpay.me/pay?id=1 | https://cashier.tokenpay.me/pay?id=1
			pay/order?prepay_id=p-1              | BASE/pay/order?prepay_id=p-1
			javascript:alert(1)                  |
			'http://bad host/'                   |
			''                                   |
			""")
	void createResolvesOnlyUsablePaymentUrls(String sent, @Nullable String expected) {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer("{\"prepay_id\":\"p-1\",\"payment_url\":\"" + sent + "\"}"));
		PayInOrder order = template.payIns()
			.create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT").build());
		String base = baseUrl(this.server).toString();
		assertThat(order.paymentUrl())
			.isEqualTo((expected != null) ? URI.create(expected.replace("BASE/", base)) : null);
	}

	@Test
	void createTakesTheExpiryTheGatewaySends() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer("{\"prepay_id\":\"p-1\",\"expire_time\":\"1673407902044\"}"));
		PayInOrder order = template.payIns()
			.create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT").build());
		assertThat(order.expiresAt()).isEqualTo(Instant.ofEpochMilli(1673407902044L));
		assertThat(order.outTradeNo()).matches("[0-9a-f]{32}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0     | platform_order | T1   | expireSecond
			59    | platform_order | T1   | expireSecond
			86401 | platform_order | T1   | expireSecond
			600   | 'a b'          | T1   | orderType
			600   | merchant_order |      | toAddress
			""")
	void createRejectsBadInputWithoutSending(int expireSecond, String orderType, @Nullable String toAddress,
			String field) {
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT")
				.expireSecond(expireSecond)
				.orderType(orderType)
				.toAddress(toAddress)
				.build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field));
	}

	@Test
	void createAfterAReadTimeoutIsNotRetriedAndIsResolvedByAQueryInTheQueryString() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(
				new MockResponse.Builder(answer("{\"prepay_id\":\"p-1\"}")).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace("\"amount\":15000000", "\"amount\":9990000")));
		PayInOrder order = template.payIns()
			.create(CreatePayInRequest.builder(new BigDecimal("9.99"), Chain.TRON, "USDT")
				.outTradeNo(OUT_TRADE_NO)
				.build());
		assertThat(order.isFoundByQuery()).isTrue();
		assertThat(order.transaction().transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(order.expiresAt()).isEqualTo(Instant.ofEpochMilli(1673407902044L));
		takeRequest(this.server);
		RecordedRequest query = takeRequest(this.server);
		assertThat(query.getMethod()).isEqualTo("POST");
		assertThat(query.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID + "\"}");
		assertCorrectlySigned(query, "/v1/transaction/query?out_trade_no=" + OUT_TRADE_NO);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createWhoseAnswerWasLostAndThatNoQueryFindsIsAnUnknownOutcome() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(new MockResponse.Builder(answer("{}")).headersDelay(3, TimeUnit.SECONDS).build());
		for (int i = 0; i < 2; i++) {
			this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		}
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> template.payIns()
			.create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT").outTradeNo(OUT_TRADE_NO).build()))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.getOperation()).isEqualTo("create-pay-in");
				assertThat(ex.getMessage()).contains("payIns().getByOutTradeNo(\"" + OUT_TRADE_NO + "\")");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void createRefusedAsExistingWhoseQueryFailsIsTheRefusalWithTheQueryFailure() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(json(200, envelope(12001, "Data is existed")));
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.payIns()
			.create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT").outTradeNo(OUT_TRADE_NO).build()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(12001);
				assertThat(ex.getSuppressed()).singleElement()
					.isInstanceOfSatisfying(TokenPayApiException.class,
							(query) -> assertThat(query.getCode()).isEqualTo(12002));
			});
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 20005, 20002 })
	void createRefusedByTheGatewayIsThatRefusal(int code) {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(json(200, envelope(code, "refused")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(
				() -> template.payIns().create(CreatePayInRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT").build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(code));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void getDecodesTheDocumentedDetail() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		Transaction order = template.payIns().get(PayInQuery.byTransactionId(TRANSACTION_ID));
		assertThat(order.outTradeNo()).isEqualTo(OUT_TRADE_NO);
		assertThat(order.transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(order.isPaid()).isTrue();
		assertThat(order.amount()).isEqualByComparingTo("15");
		assertThat(order.serviceAmount()).isEqualByComparingTo("0.045");
		assertThat(order.chain()).isEqualTo(Chain.TRON);
		assertThat(order.currency()).isEqualTo("USDT");
		assertThat(order.contractAddress()).isEmpty();
		assertThat(order.blockNo()).isEqualTo(33215220L);
		assertThat(order.blockTime()).isEqualTo(Instant.ofEpochMilli(1673407329000L));
		assertThat(order.expireTime()).isEqualTo(Instant.ofEpochMilli(1673407902044L));
		assertThat(order.closeTime()).isNull();
		assertThat(order.status()).isEqualTo(2);
		assertThat(this.mapper.readTree(order.json())).isEqualTo(this.mapper.readTree(DOCUMENTED_DETAIL));
		assertCorrectlySigned(takeRequest(this.server), "/v1/transaction/query?transaction_id=" + TRANSACTION_ID);
	}

	@Test
	void getDecodesNumbersSentAsStringsAndUndocumentedStates() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer("{\"trade_state\":\"PAYERROR\",\"amount\":\"999\",\"currency\":{\"decimal\":\"2\","
				+ "\"currency\":\"USDT\"},\"pay_time\":\"0\",\"block_no\":\"12\",\"extra\":[1,2]}"));
		Transaction order = template.payIns().getByOutTradeNo(OUT_TRADE_NO);
		assertThat(order.tradeState()).isEqualTo(TradeState.of("PAYERROR"));
		assertThat(order.isPaid()).isFalse();
		assertThat(order.amount()).isEqualByComparingTo("9.99");
		assertThat(order.currency()).isEqualTo("USDT");
		assertThat(order.payTime()).isNull();
		assertThat(order.blockNo()).isEqualTo(12L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"detail\"", "42", "[{\"out_trade_no\":\"x\"}]" })
	void getOfAnAnswerWhoseDataIsNoObjectIsUnexpected(String data) {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(answer(data));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template.payIns().getByOutTradeNo(OUT_TRADE_NO));
	}

	@Test
	void getWithTheIdsInTheBodySignsThePlainPath() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER).mutate()
			.settings(TokenPayClientSettings.defaults(baseUrl(this.server))
				.withOperation("query-pay-in", new OperationOverride("/v2/order/query", null, ParameterLocation.BODY)))
			.build();
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		template.payIns().getByOutTradeNo(OUT_TRADE_NO);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"out_trade_no\":\"" + OUT_TRADE_NO + "\"}");
		assertCorrectlySigned(request, "/v2/order/query");
	}

	@Test
	void getIsRetriedAfterAServerError() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(json(502, "bad gateway"));
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		assertThat(template.payIns().getByOutTradeNo(OUT_TRADE_NO).transactionId()).isEqualTo(TRANSACTION_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "query-pay-in")
			.hasLowCardinalityKeyValue("attempts", "2");
	}

	@Test
	void closeSendsTheTransactionId() throws Exception {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(json(200, envelope(0, "success")));
		PayInClosure closure = template.payIns().close(TRANSACTION_ID);
		assertThat(closure.alreadyClosed()).isFalse();
		assertThat(closure.requestId()).isEqualTo(TokenPayTestServer.REQUEST_ID);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"transaction_id\":\"" + TRANSACTION_ID + "\"}");
		assertCorrectlySigned(request, "/v1/transaction/close");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "close-pay-in");
	}

	@Test
	void closeWhoseFirstAnswerWasLostAndWhoseRepeatIsRefusedAsClosedIsSuccess() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(
				new MockResponse.Builder(json(200, envelope(0, "success"))).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(json(200, envelope(20005, "Invalid parameter")));
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace("\"SUCCESS\"", "\"CLOSED\"")));
		PayInClosure closure = template.payIns().close(TRANSACTION_ID);
		assertThat(closure.alreadyClosed()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void closeRefusedForAnotherReasonIsThatRefusal() {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.payIns().close(TRANSACTION_ID))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "x\n" })
	void closeRejectsAnUnusableIdWithoutSending(String transactionId) {
		TokenPayTemplate template = template(PayInAmountFormat.NUMBER);
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.payIns().close(transactionId));
		assertThat(this.server.getRequestCount()).isZero();
	}

	private TokenPayTemplate template(PayInAmountFormat format) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(Duration.ofSeconds(1));
		return TokenPayTestServer
			.template(RestClient.builder().requestFactory(factory),
					TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
					this.registry)
			.mutate()
			.readTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
			.payInSettings(new PayInSettings(format, Set.of(20005), 2, Duration.ofMillis(10)))
			.build();
	}

	private static MockResponse answer(@Nullable String data) {
		String body = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"r-1\""
				+ ((data != null) ? ",\"data\":" + data : "") + "}";
		return json(200, body);
	}

}
