package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import me.tokenpay.spring.client.signature.TimestampUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static me.tokenpay.spring.test.RawTokenPayClient.CANCEL_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the requests {@link MockTokenPayServer} records and for
 * {@link MockTokenPayServer#reset()}.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerRecordingTests {

	private MockTokenPayServer server;

	private RawTokenPayClient client;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start();
		this.client = new RawTokenPayClient(this.server, Clock.systemUTC());
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void recordsRequestAsReceivedWithItsVerdict() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = ("{\"app_id\":\"" + this.server.credentials().appId() + "\",\"mch_id\":\""
				+ this.server.credentials().mchId() + "\",\"payout_id\":\"" + payoutId + "\",\"note\":\"Zürich\"}\n")
			.getBytes(StandardCharsets.UTF_8);
		String authorization = this.client.authorization(CANCEL_PATH, body);
		assertThat(this.client.post(CANCEL_PATH, authorization, body).code()).isZero();
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(CANCEL_PATH);
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.bodyAsString()).endsWith("\"note\":\"Zürich\"}\n");
		assertThat(request.headers().keySet()).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).isLowerCase())
			.contains("authorization", "content-type");
		assertThat(request.headers().get("authorization")).containsExactly(authorization);
		assertThat(request.header("AUTHORIZATION")).isEqualTo(authorization);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("X-Absent")).isNull();
		assertThat(request.code()).isZero();
		assertThat(request.verdict()).isEqualTo("0 closed " + payoutId);
		assertThat(request.fault()).isNull();
		assertThat(request).hasToString("POST " + CANCEL_PATH + " -> 0 closed " + payoutId);
	}

	@Test
	void recordsRejectionWithCodeAndReason() {
		this.client.cancel("unknown");
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.code()).isEqualTo(12002);
		assertThat(request.verdict()).isEqualTo("12002 Data is absence");
	}

	@Test
	void recordsAnswerWithoutEnvelopeWithoutCode() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String path = "/v1/payout/close?lang=en";
		this.client.post(path, this.client.authorization(path, body), body);
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.path()).isEqualTo(path);
		assertThat(request.code()).isNull();
		assertThat(request.verdict()).startsWith("HTTP 404");
	}

	@Test
	void recordsMethodOfRefusedRequest() {
		this.client.send("DELETE", CANCEL_PATH, null, new byte[0]);
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("DELETE");
		assertThat(request.body()).isEmpty();
		assertThat(request.verdict()).startsWith("HTTP 405");
	}

	@Test
	void recordsFaultApplied() {
		this.server.enqueue(Fault.httpStatus(503));
		this.client.cancel(this.server.payouts().seedOpen());
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.fault()).isNotNull();
		assertThat(request.fault().getKind()).isEqualTo(Fault.Kind.HTTP_STATUS);
		assertThat(request.code()).isNull();
		assertThat(request.verdict()).startsWith("HTTP_STATUS(503): HTTP 503");
	}

	@Test
	void recordsGatewayCodeOfFault() {
		this.server.enqueue(Fault.gatewayCode(11000));
		this.client.cancel(this.server.payouts().seedOpen());
		MockTokenPayRequest request = this.server.lastRequest();
		assertThat(request.code()).isEqualTo(11000);
		assertThat(request.verdict()).startsWith("GATEWAY_CODE(11000): 11000");
	}

	@Test
	void keepsRequestsInArrivalOrder() {
		this.client.cancel("first");
		this.client.cancel("second");
		this.client.cancel("third");
		assertThat(this.server.requests()).extracting(MockTokenPayRequest::bodyAsString)
			.satisfiesExactly((body) -> assertThat(body).contains("first"),
					(body) -> assertThat(body).contains("second"), (body) -> assertThat(body).contains("third"));
		assertThat(this.server.lastRequest().bodyAsString()).contains("third");
	}

	@Test
	void requestsAreSnapshot() {
		this.client.cancel("first");
		List<MockTokenPayRequest> requests = this.server.requests();
		this.client.cancel("second");
		assertThat(requests).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(requests::clear);
	}

	@Test
	void lastRequestWhenNoneWasReceivedFails() {
		assertThatIllegalStateException().isThrownBy(this.server::lastRequest).withMessageContaining("no request");
	}

	@Test
	void resetForgetsRequestsPayoutsFaultsAndNonces() {
		String closed = this.server.payouts().seedOpen();
		String nonce = this.client.nonce();
		byte[] closedBody = this.client.body(closed);
		assertThat(this.client
			.post(CANCEL_PATH, this.client.authorization(nonce, this.client.timestamp(), CANCEL_PATH, closedBody),
					closedBody)
			.code()).isZero();
		this.server.payouts().seed("kept", PayoutState.PROCESSING);
		this.server.faults()
			.enqueue(Fault.gatewayCode(11000))
			.injectForPayout("again", Fault.gatewayCode(11001))
			.injectRandomly(1, 7, Fault.gatewayCode(20004))
			.enforceRateLimit(true);
		this.server.reset();
		assertThat(this.server.requests()).isEmpty();
		assertThat(this.server.payouts().state(closed)).isNull();
		assertThat(this.server.payouts().state("kept")).isNull();
		this.server.payouts().seed("again", PayoutState.PENDING);
		byte[] againBody = this.client.body("again");
		assertThat(this.client
			.post(CANCEL_PATH, this.client.authorization(nonce, this.client.timestamp(), CANCEL_PATH, againBody),
					againBody)
			.code()).isZero();
		for (int i = 0; i < MockTokenPayServer.RATE_LIMIT_PER_SECOND; i++) {
			assertThat(this.client.cancel("unknown").code()).isEqualTo(12002);
		}
		assertThat(this.server.requests()).hasSize(MockTokenPayServer.RATE_LIMIT_PER_SECOND + 1)
			.allSatisfy((request) -> assertThat(request.fault()).isNull());
	}

	@Test
	void resetRestoresDefaultSettings() {
		this.server.operationPath("cancel-payout", "/custom/close")
			.payoutIdField("payanother_id")
			.timestampUnit(TimestampUnit.SECONDS)
			.timestampTolerance(Duration.ZERO)
			.clock(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
		this.server.reset();
		String payoutId = this.server.payouts().seedOpen();
		assertThat(this.client.cancel(payoutId).code()).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void resetKeepsCredentialsAndPort() {
		String baseUrl = this.server.baseUrl();
		this.server.reset();
		assertThat(this.server.baseUrl()).isEqualTo(baseUrl);
		assertThat(this.server.credentials()).isSameAs(this.client.credentials());
	}

}
