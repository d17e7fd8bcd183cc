package me.tokenpay.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockPayout;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the payout lifecycle (create, query, cancel) and its failures through the
 * sample's HTTP endpoints against the embedded {@link MockTokenPayServer}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tokenpay.read-timeout=500ms", "tokenpay.payout.resolve-delay=10ms" })
@AutoConfigureMockTokenPay
class PayoutLifecycleSampleTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	@Autowired
	MockTokenPayServer tokenPay;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		// the JDK client: HttpComponents would repeat a POST answered 429 by itself
		this.client = SampleClients.to(this.port);
	}

	@Test
	void createsQueriesAndCancelsAPayout() {
		postPayout(Map.of("amount", "12.50", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-1042", "description", "Withdrawal #1042"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/payouts/order-1042")
			.expectBody()
			.jsonPath("$.outTradeNo")
			.isEqualTo("order-1042")
			.jsonPath("$.tradeState")
			.isEqualTo("NOTPAY")
			.jsonPath("$.amount")
			.isEqualTo("12.5")
			.jsonPath("$.currency")
			.isEqualTo("USDT")
			.jsonPath("$.chain")
			.isEqualTo("TRON")
			.jsonPath("$.transactionId")
			.isNotEmpty();
		MockPayout stored = this.tokenPay.payouts().get("order-1042");
		assertThat(stored).isNotNull();
		assertThat(stored.amount()).isEqualByComparingTo("12.5");
		this.client.get()
			.uri("/payouts/{outTradeNo}", "order-1042")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.transactionId")
			.isEqualTo(stored.transactionId())
			.jsonPath("$.amount")
			.isEqualTo("12.5")
			.jsonPath("$.tradeState")
			.isEqualTo("NOTPAY");
		this.client.post().uri("/payouts/{id}/cancel", stored.transactionId()).exchange().expectStatus().isOk();
		assertThat(this.tokenPay.payouts().get("order-1042").state()).isEqualTo(PayoutState.CLOSED);
		this.client.post()
			.uri("/payouts/{id}/cancel", stored.transactionId())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(20005);
	}

	@Test
	void createWithoutOutTradeNoGetsAGeneratedOne() {
		String location = postPayout(Map.of("amount", "1", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS))
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).matches("/payouts/[0-9a-f]{32}");
		this.client.get().uri(location).exchange().expectStatus().isOk();
	}

	@Test
	void repeatingACreateWithTheSameOutTradeNoPaysOnce() {
		Map<String, String> body = Map.of("amount", "3", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS,
				"outTradeNo", "order-twice");
		for (int i = 0; i < 2; i++) {
			postPayout(body).expectStatus().isCreated();
		}
		assertThat(this.tokenPay.payouts().all()).hasSize(1);
	}

	@Test
	void outTradeNoOfAnotherPayoutIsAConflict() {
		postPayout(Map.of("amount", "3", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-taken"))
			.expectStatus()
			.isCreated();
		postPayout(Map.of("amount", "4", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-taken"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(12001);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-1  | TRON | USDT | T1  | amount
			abc | TRON | USDT | T1  | amount
			1e3 | TRON | USDT | T1  | amount
			1   | TRON | USDT |     | toAddress
			1   |      | USDT | T1  | chain
			""")
	void badInputIsRefusedNamingTheFieldWithoutCallingTokenPay(String amount, String chain, String currency,
			String address, String field) {
		Map<String, String> body = new HashMap<>();
		body.put("amount", amount);
		body.put("chain", chain);
		body.put("currency", currency);
		body.put("toAddress", address);
		body.values().removeIf(Objects::isNull);
		postPayout(body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(field));
		assertThat(this.tokenPay.requests()).isEmpty();
	}

	@Test
	void tenKilobyteDescriptionIsRefused() {
		postPayout(Map.of("amount", "1", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "description",
				"d".repeat(10_240)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("description");
		assertThat(this.tokenPay.requests()).isEmpty();
	}

	@Test
	void unknownPayoutIsNotFound() {
		this.client.get()
			.uri("/payouts/{outTradeNo}", "no-such-order")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(12002);
	}

	@Test
	void createWhoseAnswerWasLostAfterTheGatewayStoredItIsResolvedByQuery() {
		this.tokenPay.faults().enqueueFor("create-payout", Fault.resetAfterApplying());
		postPayout(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-lost-answer"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.transactionId")
			.isNotEmpty();
		assertThat(this.tokenPay.payouts().all()).hasSize(1);
		assertThat(this.tokenPay.requests()).extracting((request) -> request.path())
			.containsExactly("/v1/payanother/payment", "/v1/payanother/query");
	}

	@Test
	void createThatTimedOutIsNeverSentTwice() {
		this.tokenPay.faults().enqueueFor("create-payout", Fault.delay(Duration.ofSeconds(2)));
		postPayout(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-slow"))
			.expectStatus()
			.isCreated();
		assertThat(this.tokenPay.requests()).filteredOn((request) -> request.path().equals("/v1/payanother/payment"))
			.hasSize(1);
	}

	@Test
	void createWhoseOutcomeStaysUnknownIsAGatewayTimeoutNamingTheOutTradeNo() {
		this.tokenPay.faults().enqueueFor("create-payout", Fault.connectionReset());
		postPayout(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS, "outTradeNo",
				"order-unknown"))
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.outcomeUnknown")
			.isEqualTo(true)
			.jsonPath("$.outTradeNo")
			.isEqualTo("order-unknown");
		assertThat(this.tokenPay.payouts().all()).isEmpty();
	}

	@Test
	void shortBalanceIsRefused() {
		this.tokenPay.balances().seed("TRON", "USDT", BigDecimal.ONE);
		postPayout(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(20002);
	}

	@Test
	void gatewayRateLimitIsTooManyRequests() {
		for (int i = 0; i < 3; i++) {
			this.tokenPay.faults().enqueueFor("create-payout", Fault.gatewayCode(11001));
		}
		postPayout(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "toAddress", ADDRESS)).expectStatus()
			.isEqualTo(429);
	}

	@Test
	void idsWithPathParametersAreRefused() {
		String payoutId = this.tokenPay.payouts().seedOpen();
		this.client.post()
			.uri("/payouts/" + payoutId + ";b=c/cancel")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("payoutId");
		assertThat(this.tokenPay.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	private RestTestClient.ResponseSpec postPayout(Map<String, ?> body) {
		return this.client.post().uri("/payouts").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
