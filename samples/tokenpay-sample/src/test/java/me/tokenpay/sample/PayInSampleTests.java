package me.tokenpay.sample;

import java.math.BigDecimal;
import java.util.Map;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockPayIn;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayInState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives pay-in orders, the currency list and the balance through the sample's HTTP
 * endpoints against the embedded {@link MockTokenPayServer}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockTokenPay
class PayInSampleTests {

	@Autowired
	MockTokenPayServer tokenPay;

	@Autowired
	TokenPayOperations operations;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = SampleClients.to(this.port);
	}

	@Test
	void createsQueriesAndClosesAPayIn() {
		postPayIn(Map.of("amount", "9.99", "chain", "TRON", "currency", "USDT", "outTradeNo", "cart-7")).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/pay-ins/cart-7")
			.expectBody()
			.jsonPath("$.outTradeNo")
			.isEqualTo("cart-7")
			.jsonPath("$.prepayId")
			.isNotEmpty()
			.jsonPath("$.paymentUrl")
			.value(String.class, (url) -> assertThat(url).startsWith(this.tokenPay.baseUrl() + "/pay/order?prepay_id="))
			.jsonPath("$.expiresAt")
			.isNotEmpty();
		MockPayIn stored = this.tokenPay.payIns().get("cart-7");
		assertThat(stored).isNotNull();
		this.client.get()
			.uri("/pay-ins/{outTradeNo}", "cart-7")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.transactionId")
			.isEqualTo(stored.transactionId())
			.jsonPath("$.tradeState")
			.isEqualTo("NOTPAY")
			.jsonPath("$.amount")
			.isEqualTo("9.99");
		closePayIn(stored.transactionId()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alreadyClosed")
			.isEqualTo(false);
		assertThat(this.tokenPay.payIns().get("cart-7").state()).isEqualTo(PayInState.CLOSED);
		closePayIn(stored.transactionId()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alreadyClosed")
			.isEqualTo(true);
	}

	@Test
	void showsAPaidPayInAndRefusesToCloseIt() {
		postPayIn(Map.of("amount", "5", "chain", "TRON", "currency", "USDT", "outTradeNo", "cart-8")).expectStatus()
			.isCreated();
		MockPayIn paid = this.tokenPay.payIns().markPaid("cart-8");
		this.client.get()
			.uri("/pay-ins/cart-8")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tradeState")
			.isEqualTo("SUCCESS")
			.jsonPath("$.txId")
			.isEqualTo(paid.txId());
		closePayIn(paid.transactionId()).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(20005);
	}

	@Test
	void createWithoutOutTradeNoGetsAGeneratedOne() {
		String location = postPayIn(Map.of("amount", "1", "chain", "TRON", "currency", "USDT")).expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).matches("/pay-ins/[0-9a-f]{32}");
		this.client.get().uri(location).exchange().expectStatus().isOk();
	}

	@Test
	void refusesAValidityOutOfRangeNamingTheField() {
		postPayIn(Map.of("amount", "1", "chain", "TRON", "currency", "USDT", "expireSecond", 30)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("expireSecond");
		assertThat(this.tokenPay.requests()).isEmpty();
	}

	@Test
	void refusesAnUnknownCurrencyWithTheGatewaysCode() {
		postPayIn(Map.of("amount", "1", "chain", "TRON", "currency", "DOGE")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(20005);
	}

	@Test
	void queryOfAnUnknownPayInIsNotFound() {
		this.client.get().uri("/pay-ins/missing-1").exchange().expectStatus().isNotFound();
	}

	@Test
	void listsTheCurrenciesFromTheCacheAfterTheFirstCall() {
		this.operations.refreshCurrencies();
		long fetched = listings();
		this.client.get()
			.uri("/currencies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[1].chain")
			.isEqualTo("TRON")
			.jsonPath("$[1].currency")
			.isEqualTo("USDT")
			.jsonPath("$[1].decimal")
			.isEqualTo(6);
		this.client.get()
			.uri("/currencies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(6);
		assertThat(listings()).isEqualTo(fetched);
	}

	@Test
	void showsTheBalanceInMajorUnits() {
		this.tokenPay.balances().seed("TRON", "USDT", new BigDecimal("1000"));
		this.client.get()
			.uri("/balance?chain=TRON&currency=USDT")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.currency")
			.isEqualTo("USDT")
			.jsonPath("$.balance")
			.value(String.class, (balance) -> assertThat(new BigDecimal(balance)).isEqualByComparingTo("1000"));
	}

	@Test
	void balanceOfAnUnknownCurrencyIsAProblemWithTheGatewaysCode() {
		this.client.get()
			.uri("/balance?chain=TRON&currency=DOGE")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(20005);
	}

	@Test
	void balanceWithoutCurrencyIsABadRequest() {
		this.client.get().uri("/balance?chain=TRON").exchange().expectStatus().isBadRequest();
	}

	private long listings() {
		return this.tokenPay.requests()
			.stream()
			.map(MockTokenPayRequest::path)
			.filter("/v1/currency/index"::equals)
			.count();
	}

	private RestTestClient.ResponseSpec postPayIn(Map<String, ?> body) {
		return this.client.post().uri("/pay-ins").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec closePayIn(String transactionId) {
		return this.client.post().uri("/pay-ins/{id}/close", transactionId).exchange();
	}

}
