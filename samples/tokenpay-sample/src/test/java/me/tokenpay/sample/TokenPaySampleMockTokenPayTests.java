package me.tokenpay.sample;

import java.time.Duration;
import java.util.Map;

import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the README's requests through the real HTTP stack against the embedded
 * {@link MockTokenPayServer}, the way {@code spring-boot:test-run} runs the sample.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tokenpay.read-timeout=500ms")
@AutoConfigureMockTokenPay
class TokenPaySampleMockTokenPayTests {

	@Autowired
	MockTokenPayServer tokenPay;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void cancelsAnOpenPayoutThenRefusesToCancelItAgain() {
		String payoutId = this.tokenPay.payouts().seedOpen();
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", payoutId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(0)
			.jsonPath("$.requestId")
			.isNotEmpty();
		assertThat(this.tokenPay.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", payoutId)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(MockTokenPayServer.NOT_CLOSABLE_CODE)
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	@Test
	void unknownPayoutIsNotFound() {
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", "unknown-payout")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(12002);
	}

	@Test
	void timeoutAfterTheGatewayClosedThePayoutIsReportedAsUnknownOutcome() {
		String payoutId = this.tokenPay.payouts().seedOpen();
		this.tokenPay.enqueue(Fault.delay(Duration.ofSeconds(2)));
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", payoutId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.outcomeUnknown")
			.isEqualTo(true)
			.jsonPath("$.tokenpayCode")
			.isEqualTo(MockTokenPayServer.NOT_CLOSABLE_CODE);
		assertThat(this.tokenPay.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void flakyGatewayIsRetried() {
		String payoutId = this.tokenPay.payouts().seedOpen();
		this.tokenPay.enqueue(Fault.httpStatus(503)).enqueue(Fault.connectionReset());
		this.client.post().uri("/payouts/{payoutId}/cancel", payoutId).exchange().expectStatus().isOk();
		assertThat(this.tokenPay.requests()).hasSize(3);
	}

	@Test
	void metricsRecordEveryCall() {
		this.client.post().uri("/payouts/{payoutId}/cancel", this.tokenPay.payouts().seedOpen()).exchange();
		Map<String, Object> metric = this.client.get()
			.uri("/actuator/metrics/tokenpay.client.requests?tag=outcome:success")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(metric).containsEntry("name", "tokenpay.client.requests");
	}

}
