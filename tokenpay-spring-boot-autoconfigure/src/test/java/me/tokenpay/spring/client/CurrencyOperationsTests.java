package me.tokenpay.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.retry.RetryPolicy;
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
 * Tests for the currency list and the balance inquiry of {@link TokenPayTemplate}: every
 * documented answer shape, the cache, and what is sent under each setting.
 *
 * @author TokenPay Spring Boot team
 */
class CurrencyOperationsTests {

	/**
	 * TokenPay's currency list example (A.7): limits as strings, no {@code is_fiat}.
	 */
	private static final String DOCUMENTED_LIST = """
			[{"network":"BNB","chain":"BSC","code":"BINANCE_BNB","currency":"BNB","name":"Binance Coin",
			"logo":"https://example.com/bnb.png","contract_address":"","decimal":18,"payment_qr_code":1,
			"payment_connect_wallet":1,"payment_tron_link":0,"min_payment_amount":"0","max_payment_amount":"0"},
			{"network":"BEP20","chain":"BSC","code":"BINANCE_BUSD","currency":"BUSD","name":"Binance USD",
			"logo":"https://example.com/busd.png","contract_address":"0xe9e7CEA3DedcA5984780Bafc599bD69ADd087D56",
			"decimal":18,"payment_qr_code":1,"payment_connect_wallet":1,"payment_tron_link":0,
			"min_payment_amount":"0","max_payment_amount":"0"}]""";

	/**
	 * TokenPay's balance example (A.8).
	 */
	private static final String DOCUMENTED_BALANCE = """
			{"merchant_id":167,"mch_id":"12345678","network":"TRC20","chain":"TRON","balance":"54670000",
			"currency":"USDT","decimal":6,"create_time":1724237814113,"modify_time":1724237814113,"cash_time":0}""";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void currenciesDecodeTheDocumentedListFromAnUnsignedGet() throws Exception {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(DOCUMENTED_LIST));
		List<Currency> currencies = template.currencies();
		assertThat(currencies).hasSize(2);
		Currency busd = currencies.get(1);
		assertThat(busd.chain()).isEqualTo(Chain.of("BSC"));
		assertThat(busd.currency()).isEqualTo("BUSD");
		assertThat(busd.code()).isEqualTo("BINANCE_BUSD");
		assertThat(busd.network()).isEqualTo("BEP20");
		assertThat(busd.contractAddress()).startsWith("0xe9e7");
		assertThat(busd.decimal()).isEqualTo(18);
		assertThat(busd.fiat()).isNull();
		assertThat(busd.paymentQrCode()).isTrue();
		assertThat(busd.paymentTronLink()).isFalse();
		assertThat(busd.minPaymentAmount()).isEqualByComparingTo("0");
		assertThat(busd.json()).contains("\"BINANCE_BUSD\"");
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1/currency/index");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getBodySize()).isZero();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "list-currencies");
	}

	@Test
	void currenciesAcceptNumbersAsStringsAndFlagsAsBooleansAndSkipUnusableEntries() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer("[{\"chain\":\"TRON\",\"currency\":\"USDT\",\"decimal\":\"6\",\"is_fiat\":false,"
				+ "\"payment_qr_code\":\"1\",\"min_payment_amount\":1.5,\"max_payment_amount\":\"10000.25\"},"
				+ "{\"chain\":\"TRON\"},{\"currency\":\"X\"},42,\"text\",null,"
				+ "{\"chain\":\"bad chain\",\"currency\":\"Y\"},{\"chain\":\"TRON\",\"currency\":\"TRX\",\"decimal\":\"x\"}]"));
		List<Currency> currencies = template.currencies();
		assertThat(currencies).extracting(Currency::currency).containsExactly("USDT", "TRX");
		Currency usdt = currencies.get(0);
		assertThat(usdt.decimal()).isEqualTo(6);
		assertThat(usdt.fiat()).isFalse();
		assertThat(usdt.paymentQrCode()).isTrue();
		assertThat(usdt.minPaymentAmount()).isEqualByComparingTo("1.5");
		assertThat(usdt.maxPaymentAmount()).isEqualByComparingTo("10000.25");
		assertThat(currencies.get(1).decimal()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "\"list\"", "7" })
	void currenciesWhoseDataIsNoArrayAreUnexpected(String data) {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(data));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(template::currencies);
	}

	@Test
	void currenciesAreCachedUntilRefreshed() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(DOCUMENTED_LIST));
		this.server.enqueue(answer("[]"));
		List<Currency> first = template.currencies();
		assertThat(template.currencies()).isSameAs(first);
		assertThat(this.server.getRequestCount()).isOne();
		assertThat(template.refreshCurrencies()).isEmpty();
		assertThat(template.currencies()).isEmpty();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aFailedRefreshKeepsTheCachedList() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(DOCUMENTED_LIST));
		this.server.enqueue(json(200, envelope(11000, "busy")));
		List<Currency> first = template.currencies();
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(template::refreshCurrencies);
		assertThat(template.currencies()).isSameAs(first);
	}

	@Test
	void anExpiredListIsFetchedAgain() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));
		TokenPayTemplate template = template().mutate()
			.clock(clock)
			.currencySettings(new CurrencySettings(Duration.ofMinutes(10)))
			.build();
		this.server.enqueue(answer(DOCUMENTED_LIST));
		this.server.enqueue(answer(DOCUMENTED_LIST));
		template.currencies();
		clock.move(Duration.ofMinutes(10).minusMillis(1));
		template.currencies();
		assertThat(this.server.getRequestCount()).as("still fresh a millisecond before its ttl").isOne();
		clock.move(Duration.ofMillis(1));
		template.currencies();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void balanceDecodesTheDocumentedObject() throws Exception {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(DOCUMENTED_BALANCE));
		Balance balance = template.balance(Chain.TRON, "USDT");
		assertThat(balance.balance()).isEqualByComparingTo("54.67");
		assertThat(balance.minorBalance()).isEqualTo(54_670_000);
		assertThat(balance.decimal()).isEqualTo(6);
		assertThat(balance.network()).isEqualTo("TRC20");
		assertThat(balance.createTime()).isEqualTo(Instant.ofEpochMilli(1724237814113L));
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"chain\":\"TRON\",\"currency\":\"USDT\"}");
		assertCorrectlySigned(request, "/v1/merchant/balance");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "get-balance")
			.hasHighCardinalityKeyValue("tokenpay.resource.id", "TRON/USDT");
	}

	@Test
	void balanceDecodesASingleElementArrayWithStringNumbers() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(
				"[{\"chain\":\"TRON\",\"currency\":\"USDT\",\"balance\":\"1000000000\"," + "\"decimal\":\"6\"}]"));
		assertThat(template.balance(Chain.TRON, "USDT").balance()).isEqualByComparingTo("1000");
	}

	@Test
	void balanceTakesTheRequestedCurrencyOfSeveral() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer("[{\"chain\":\"TRON\",\"currency\":\"TRX\",\"balance\":\"5\",\"decimal\":6},"
				+ "{\"chain\":\"TRON\",\"currency\":\"USDT\",\"balance\":\"7000000\",\"decimal\":6}]"));
		assertThat(template.balance(Chain.TRON, "USDT").balance()).isEqualByComparingTo("7");
	}

	@Test
	void balanceWithoutDecimalTakesTheCurrencyListsDecimals() {
		TokenPayTemplate template = template();
		this.server.enqueue(answer("[{\"chain\":\"TRON\",\"currency\":\"USDT\",\"decimal\":6}]"));
		this.server.enqueue(answer("{\"balance\":\"2500000\"}"));
		template.currencies();
		Balance balance = template.balance(Chain.TRON, "USDT");
		assertThat(balance.balance()).isEqualByComparingTo("2.5");
		assertThat(balance.chain()).isEqualTo(Chain.TRON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "{}", "null", "\"1000\"", "{\"balance\":\"12.5\",\"decimal\":6}",
			"{\"balance\":\"-5\",\"decimal\":6}", "{\"balance\":\"100\"}", "{\"balance\":\"100\",\"decimal\":-1}",
			"[{\"chain\":\"TRON\",\"currency\":\"TRX\",\"balance\":\"5\",\"decimal\":6}]" })
	void balanceWithoutAUsableBalanceOfTheCurrencyIsUnexpected(String data) {
		TokenPayTemplate template = template();
		this.server.enqueue(answer(data));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template.balance(Chain.TRON, "USDT"));
	}

	@Test
	void balanceWithGetSignsTheQueryString() throws Exception {
		TokenPayTemplate template = template().mutate()
			.settings(TokenPayClientSettings.defaults(baseUrl(this.server))
				.withOperation("get-balance", new OperationOverride(null, QueryMethod.GET, null)))
			.build();
		this.server.enqueue(answer(DOCUMENTED_BALANCE));
		template.balance(Chain.TRON, "USDT");
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertCorrectlySigned(request, "/v1/merchant/balance?chain=TRON&currency=USDT");
	}

	@Test
	void balanceOfAnUnknownCurrencyIsTheGatewaysRefusal() {
		TokenPayTemplate template = template();
		this.server.enqueue(json(200, envelope(20005, "Invalid parameter")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.balance(Chain.TRON, "DOGE"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20005));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "US DT", "USDT\n" })
	void balanceRejectsAnUnusableCurrencyWithoutSending(String currency) {
		TokenPayTemplate template = template();
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.balance(Chain.TRON, currency))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("currency"));
		assertThat(this.server.getRequestCount()).isZero();
	}

	private TokenPayTemplate template() {
		return TokenPayTestServer
			.template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl(this.server)),
					ResponseSignatureMode.IF_PRESENT, this.registry)
			.mutate()
			.retryPolicy(RetryPolicy.withMaxRetries(0))
			.build();
	}

	private static MockResponse answer(String data) {
		return json(200, "{\"code\":0,\"msg\":\"success\",\"request_id\":\"r-1\",\"data\":" + data + "}");
	}

}
