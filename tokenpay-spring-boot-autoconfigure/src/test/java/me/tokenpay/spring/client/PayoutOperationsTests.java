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
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutConflictException;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the payout operations of {@link TokenPayTemplate}: what create, query and
 * cancel send, how answers decode, which failures are retried for each idempotency class,
 * and how a create whose outcome is unknown is resolved by querying.
 *
 * @author TokenPay Spring Boot team
 */
class PayoutOperationsTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final String OUT_TRADE_NO = "order-2026-0001";

	private static final String TRANSACTION_ID = "e98b3029477f4bdcb971797a9d9e09ce";

	/**
	 * The payout detail of TokenPay's documentation (A.4), with the currency object's
	 * trailing comma removed.
	 */
	private static final String DOCUMENTED_DETAIL = """
			{"out_trade_no":"order-2026-0001","transaction_id":"e98b3029477f4bdcb971797a9d9e09ce",
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
	void createSendsTheSignedBodyWithTheAmountAsAPlainString() throws Exception {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		Payout payout = template.payouts()
			.create(CreatePayoutRequest.builder(new BigDecimal("15.000"), Chain.TRON, "USDT", ADDRESS)
				.outTradeNo(OUT_TRADE_NO)
				.description("salary")
				.notifyUrl("https://shop.example.com/tokenpay")
				.build());
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/payanother/payment");
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"out_trade_no\":\"order-2026-0001\",\"amount\":\"15\",\"chain\":\"TRON\",\"currency\":\"USDT\","
				+ "\"to_address\":\"" + ADDRESS + "\",\"description\":\"salary\","
				+ "\"notify_url\":\"https://shop.example.com/tokenpay\"}");
		assertCorrectlySigned(request, "/v1/payanother/payment");
		assertThat(payout.transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(payout.amount()).isEqualByComparingTo("15");
	}

	@ParameterizedTest
	@CsvSource({ "12.50, 12.5", "1E+3, 1000", "0.000000000000000001, 0.000000000000000001", "7, 7" })
	void createNeverSendsAnAmountInExponentForm(String amount, String sent) throws Exception {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer("{}"));
		template.payouts()
			.create(CreatePayoutRequest.builder(new BigDecimal(amount), Chain.TRON, "USDT", ADDRESS).build());
		JsonNode body = this.mapper.readTree(takeRequest(this.server).getBody().utf8());
		assertThat(body.get("amount").isString()).isTrue();
		assertThat(body.get("amount").stringValue()).isEqualTo(sent);
	}

	@Test
	void createGeneratesAnOutTradeNoAndTheResultCarriesIt() throws Exception {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(null));
		Payout payout = template.payouts()
			.create(CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", ADDRESS).build());
		String sent = this.mapper.readTree(takeRequest(this.server).getBody().utf8()).get("out_trade_no").stringValue();
		assertThat(sent).matches("[0-9a-f]{32}");
		assertThat(payout.outTradeNo()).isEqualTo(sent);
		assertThat(payout.hasDetail()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-1   | TRON | USDT | T1 | order | amount
			0    | TRON | USDT | T1 | order | amount
			0.0000000000000000001 | TRON | USDT | T1 | order | amount
			1    | TRON | USDT | ' ' | order | toAddress
			1    | TRON | ''   | T1 | order | currency
			1    | TRON | USDT | T1 | 'a b' | outTradeNo
			""")
	void createRejectsBadInputWithoutSending(String amount, String chain, String currency, String address,
			String outTradeNo, String field) {
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> CreatePayoutRequest.builder(new BigDecimal(amount), Chain.of(chain), currency, address)
				.outTradeNo(outTradeNo)
				.build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field))
			.withMessageStartingWith(field);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void createRejectsLongTextsControlCharactersAndRelativeUrls() {
		CreatePayoutRequest.Builder builder = CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", ADDRESS);
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> builder.description("x".repeat(257)).build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("description"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> builder.description("line\nbreak").build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("description"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> builder.description(null).outTradeNo("o".repeat(65)).build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("outTradeNo"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> builder.outTradeNo(null).notifyUrl("/callback").build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("notifyUrl"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", "T\u0000").build())
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("toAddress"));
	}

	@Test
	void createAfterReadTimeoutIsNeverRetried() {
		TokenPayTemplate template = template(0);
		this.server
			.enqueue(new MockResponse.Builder(answer(DOCUMENTED_DETAIL)).headersDelay(3, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.getOperation()).isEqualTo("create-payout");
				assertThat(ex.getCause()).isInstanceOf(TokenPayTimeoutException.class);
			});
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void createAfterResetOnceTheRequestWasWrittenIsNeverRetried() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(TokenPayTransportException.class));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void createAfterServerErrorIsNeverRetried() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(json(500, envelope(500, "internal error")));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> create(template));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@ParameterizedTest
	@ValueSource(ints = { 11001, 20004 })
	void createRefusedForTheGatewaysRateLimitIsRetried(int code) {
		TokenPayTemplate template = template(0);
		this.server.enqueue(json(200, envelope(code, "Operate too frequently")));
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		assertThat(create(template).transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createThatCouldNotConnectIsRetried() throws Exception {
		int closedPort;
		try (MockWebServer closed = new MockWebServer()) {
			closed.start();
			closedPort = closed.getPort();
		}
		TokenPayTemplate template = TokenPayTestServer
			.template(RestClient.builder(),
					TokenPayClientSettings.defaults(URI.create("http://127.0.0.1:" + closedPort)),
					ResponseSignatureMode.IF_PRESENT, this.registry)
			.mutate()
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
			.build();
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> assertThat(ex.isRequestSent()).isFalse());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "create-payout")
			.hasLowCardinalityKeyValue("attempts", "3")
			.hasLowCardinalityKeyValue("outcome", "transport-error");
	}

	@Test
	void createWhoseAnswerWasLostReturnsThePayoutTheQueryFinds() throws Exception {
		TokenPayTemplate template = template(3);
		this.server
			.enqueue(new MockResponse.Builder(answer(DOCUMENTED_DETAIL)).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		Payout payout = create(template);
		assertThat(payout.transactionId()).isEqualTo(TRANSACTION_ID);
		takeRequest(this.server);
		RecordedRequest query = takeRequest(this.server);
		assertThat(query.getTarget()).isEqualTo("/v1/payanother/query");
		assertThat(this.mapper.readTree(query.getBody().utf8()).get("out_trade_no").stringValue())
			.isEqualTo(OUT_TRADE_NO);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createWhoseAnswerWasLostAndThatNoQueryFindsIsReportedWithItsOutTradeNo() {
		TokenPayTemplate template = template(3);
		this.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		}
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.getRejection()).isNotNull().extracting(TokenPayApiException::getCode).isEqualTo(12002);
				assertThat(ex.getMessage()).contains(OUT_TRADE_NO).contains("same outTradeNo");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void createWhoseAnswerWasLostAndWhoseOutTradeNoHoldsAnotherPayoutStaysUnknown() {
		TokenPayTemplate template = template(3);
		this.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace("\"amount\":15000000", "\"amount\":99000000")));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.getLastFailure()).isInstanceOf(TokenPayMismatchedResponseException.class);
				assertThat(ex.getMessage()).contains("amount is \"99.000000\" where");
			});
	}

	@Test
	void createRefusedAsExistingReturnsTheSamePayout() {
		TokenPayTemplate template = template(3);
		this.server.enqueue(json(200, envelope(12001, "Data is existed")));
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		assertThat(create(template).transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createRefusedAsExistingForAnotherPayoutIsAConflict() {
		TokenPayTemplate template = template(3);
		this.server.enqueue(json(200, envelope(12001, "Data is existed")));
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace(ADDRESS, "TAnotherAddress")));
		assertThatExceptionOfType(PayoutConflictException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12001))
			.withMessageContaining("use another outTradeNo");
	}

	@Test
	void createRefusedForBalanceIsNotResolved() {
		TokenPayTemplate template = template(3);
		this.server.enqueue(json(200, envelope(20002, "Under balance")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> create(template))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20002));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void getByOutTradeNoDecodesTheDocumentedDetail() throws Exception {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		Payout payout = template.payouts().getByOutTradeNo(OUT_TRADE_NO);
		assertThat(payout.outTradeNo()).isEqualTo(OUT_TRADE_NO);
		assertThat(payout.transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(payout.tradeState()).isEqualTo(TradeState.SUCCESS);
		assertThat(payout.status()).isEqualTo(2);
		assertThat(payout.notifyStatus()).isEqualTo(2);
		assertThat(payout.minorAmount()).isEqualTo(15000000);
		assertThat(payout.decimals()).isEqualTo(6);
		assertThat(payout.amount()).isEqualByComparingTo("15");
		assertThat(payout.serviceAmount()).isEqualByComparingTo("0.045");
		assertThat(payout.chain()).isEqualTo(Chain.TRON);
		assertThat(payout.currency()).isEqualTo("USDT");
		assertThat(payout.toAddress()).isEqualTo(ADDRESS);
		assertThat(payout.blockNo()).isEqualTo(33215220L);
		assertThat(payout.createTime()).isEqualTo(Instant.ofEpochMilli(1673407302044L));
		assertThat(payout.payTime()).isEqualTo(Instant.ofEpochMilli(1673407329000L));
		assertThat(payout.closeTime()).isNull();
		assertThat(payout.hasDetail()).isTrue();
		assertThat(this.mapper.readTree(payout.json())).isEqualTo(this.mapper.readTree(DOCUMENTED_DETAIL));
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"out_trade_no\":\"" + OUT_TRADE_NO + "\"}");
		assertCorrectlySigned(request, "/v1/payanother/query");
	}

	@Test
	void getDecodesLenientlyNumbersAsStringsCurrencyAsStringAndUndocumentedStates() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer("{\"trade_state\":\"PAYERROR\",\"amount\":\"1500\",\"decimals\":\"2\","
				+ "\"currency\":\"USDT\",\"create_time\":\"0\",\"status\":\"x\",\"unknown\":{\"nested\":[1]},"
				+ "\"chain\":\"SOLANA\"}"));
		Payout payout = template.payouts().get(PayoutQuery.byTransactionId(TRANSACTION_ID));
		assertThat(payout.tradeState()).isEqualTo(TradeState.of("PAYERROR"));
		assertThat(payout.amount()).isEqualByComparingTo("15.00");
		assertThat(payout.currency()).isEqualTo("USDT");
		assertThat(payout.createTime()).isNull();
		assertThat(payout.status()).isNull();
		assertThat(payout.chain()).isEqualTo(Chain.of("SOLANA"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[]", "null" })
	void getOfAnAnswerWithoutDetailIsAPayoutWithoutDetail(String data) {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(data));
		assertThat(template.payouts().getByOutTradeNo(OUT_TRADE_NO).hasDetail()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"detail\"", "42", "[{\"out_trade_no\":\"x\"}]" })
	void getOfAnAnswerWhoseDataIsNoObjectIsUnexpected(String data) {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(data));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template.payouts().getByOutTradeNo(OUT_TRADE_NO))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
	}

	@Test
	void getOfTheDocumentsBrokenExampleIsMalformed() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace("\"decimal\":6}", "\"decimal\":6,}")));
		assertThatExceptionOfType(TokenPayMalformedResponseException.class)
			.isThrownBy(() -> template.payouts().getByOutTradeNo(OUT_TRADE_NO));
	}

	@Test
	void getOfAnUnknownPayoutIsAnApiException() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> template.payouts().getByOutTradeNo(OUT_TRADE_NO))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
	}

	@Test
	void getIsRetriedAfterAReadTimeout() {
		TokenPayTemplate template = template(0).mutate()
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.build();
		this.server
			.enqueue(new MockResponse.Builder(answer(DOCUMENTED_DETAIL)).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(answer(DOCUMENTED_DETAIL));
		assertThat(template.payouts().getByOutTradeNo(OUT_TRADE_NO).transactionId()).isEqualTo(TRANSACTION_ID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void getWithQueryMethodGetSignsTheQueryString() throws Exception {
		TokenPayTemplate template = template(0).mutate()
			.settings(TokenPayClientSettings.defaults(baseUrl(this.server))
				.withOperation("query-payout", new OperationOverride(null, QueryMethod.GET, null)))
			.build();
		this.server.enqueue(answer(DOCUMENTED_DETAIL.replace(OUT_TRADE_NO, "order/1&x=é")));
		template.payouts().getByOutTradeNo("order/1&x=é");
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1/payanother/query?out_trade_no=order%2F1%26x%3D%C3%A9");
		assertThat(request.getBodySize()).isZero();
		assertCorrectlySigned(request, "/v1/payanother/query?out_trade_no=order%2F1%26x%3D%C3%A9");
	}

	@Test
	void cancelIsObservedWithTheAppIdAndThePayoutId() {
		TokenPayTemplate template = template(0);
		this.server.enqueue(json(200, envelope(0, "success")));
		template.payouts().cancel(TRANSACTION_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "cancel-payout")
			.hasHighCardinalityKeyValue("tokenpay.app.id", APP_ID)
			.hasHighCardinalityKeyValue("tokenpay.resource.id", TRANSACTION_ID);
	}

	@Test
	void cancelAfterAReadTimeoutAndANotOpenRefusalHasAnUnknownOutcome() {
		TokenPayTemplate template = template(0).mutate()
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.build();
		this.server.enqueue(
				new MockResponse.Builder(json(200, envelope(0, "success"))).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(json(200, envelope(20005, "Invalid parameter")));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> template.payouts().cancel(TRANSACTION_ID))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(TRANSACTION_ID);
				assertThat(ex.getOperation()).isEqualTo("cancel-payout");
			});
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "outcome-unknown");
	}

	@Test
	void cancelAfterAReadTimeoutAndAnUnknownPayoutRefusalIsThatRefusal() {
		TokenPayTemplate template = template(0).mutate()
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.build();
		this.server.enqueue(
				new MockResponse.Builder(json(200, envelope(0, "success"))).headersDelay(3, TimeUnit.SECONDS).build());
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> template.payouts().cancel(TRANSACTION_ID))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
	}

	private Payout create(TokenPayTemplate template) {
		return template.payouts()
			.create(CreatePayoutRequest.builder(new BigDecimal("15"), Chain.TRON, "USDT", ADDRESS)
				.outTradeNo(OUT_TRADE_NO)
				.build());
	}

	@Test
	void aCreateAsksForAConnectionOfItsOwnAndAQueryDoesNot() throws Exception {
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory();
		try {
			TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder().requestFactory(factory),
					TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
					this.registry);
			this.server.enqueue(answer(DOCUMENTED_DETAIL));
			this.server.enqueue(answer(DOCUMENTED_DETAIL));
			create(template);
			assertThat(takeRequest(this.server).getHeaders().get("Connection")).isEqualToIgnoringCase("close");
			template.payouts().getByOutTradeNo(OUT_TRADE_NO);
			assertThat(takeRequest(this.server).getHeaders().get("Connection")).isNotEqualToIgnoringCase("close");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void missingRequestsAreRefusedBeforeAnythingIsSent() {
		TokenPayTemplate template = template(0);
		assertThatIllegalArgumentException().isThrownBy(() -> template.payouts().create((CreatePayoutRequest) null))
			.withMessage("Request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> template.payouts().get((PayoutQuery) null))
			.withMessage("Query must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> template.payouts().cancel((CancelPayoutRequest) null))
			.withMessage("Request must not be null");
		assertThat(this.server.getRequestCount()).isZero();
	}

	private TokenPayTemplate template(int resolveAttempts) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(Duration.ofSeconds(1));
		return TokenPayTestServer
			.template(RestClient.builder().requestFactory(factory),
					TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
					this.registry)
			.mutate()
			.readTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
			.payoutSettings(PayoutSettings.defaults()
				.withResolveAttempts(resolveAttempts)
				.withResolveDelay(Duration.ofMillis(10)))
			.build();
	}

	private static MockResponse answer(@Nullable String data) {
		String body = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"r-1\""
				+ ((data != null) ? ",\"data\":" + data : "") + "}";
		return json(200, body);
	}

}
