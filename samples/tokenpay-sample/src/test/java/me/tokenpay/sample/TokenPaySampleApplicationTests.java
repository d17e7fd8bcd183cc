package me.tokenpay.sample;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample on a random port against a {@link MockWebServer} acting as the TokenPay
 * gateway, and calls it over HTTP the way a merchant's client would. The gateway's answer
 * depends on the payout id, so the tests do not depend on each other's order; only the
 * last one, which checks that the application still serves, runs after the others. The
 * tokenpay health indicator is off: this gateway does not answer its probe.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.health.tokenpay.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenPaySampleApplicationTests {

	private static final String APP_ID = "8e4b8c2e7c0123456789a1a1cbd3d59e";

	private static final String MCH_ID = "12345678";

	private static final String APP_SECRET = "0123456789abcdefghijklmnopqrstuv";

	private static final String REQUEST_ID = "f23ade4a-e5ca-48f4-a4bb-59114ac360ba";

	@StartStop
	static final MockWebServer gateway = new MockWebServer();

	@LocalServerPort
	int port;

	RestTestClient client;

	@DynamicPropertySource
	static void tokenPayProperties(DynamicPropertyRegistry registry) {
		gateway.setDispatcher(new GatewayDispatcher());
		registry.add("tokenpay.base-url", () -> "http://localhost:" + gateway.getPort());
		registry.add("tokenpay.app-id", () -> APP_ID);
		registry.add("tokenpay.mch-id", () -> MCH_ID);
		registry.add("tokenpay.app-secret", () -> APP_SECRET);
		registry.add("tokenpay.read-timeout", () -> "500ms");
	}

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void cancelledPayoutIsReturnedAsIs() {
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", "cancellable")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"code":0,"msg":"success","requestId":"%s"}""".formatted(REQUEST_ID));
	}

	@Test
	void unknownPayoutIsNotFound() {
		expectProblem("unknown", HttpStatus.NOT_FOUND).jsonPath("$.tokenpayCode")
			.isEqualTo(12002)
			.jsonPath("$.requestId")
			.isEqualTo(REQUEST_ID)
			.jsonPath("$.detail")
			.isEqualTo("TokenPay knows no such order or wallet");
	}

	@Test
	void invalidParameterIsBadRequest() {
		expectProblem("invalid", HttpStatus.BAD_REQUEST).jsonPath("$.tokenpayCode")
			.isEqualTo(20005)
			.jsonPath("$.requestId")
			.isEqualTo(REQUEST_ID);
	}

	@Test
	void rateLimitIsTooManyRequests() {
		this.client.post()
			.uri("/payouts/{payoutId}/cancel", "too-frequent")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.tokenpayCode")
			.isEqualTo(11001);
	}

	@Test
	void rejectedSignatureIsBadGateway() {
		expectProblem("bad-signature", HttpStatus.BAD_GATEWAY).jsonPath("$.tokenpayCode")
			.isEqualTo(103)
			.jsonPath("$.requestId")
			.isEqualTo(REQUEST_ID)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).doesNotContain(APP_SECRET));
	}

	@Test
	void htmlAnswerIsBadGateway() {
		expectProblem("html", HttpStatus.BAD_GATEWAY).jsonPath("$.tokenpayCode")
			.doesNotExist()
			.jsonPath("$.requestId")
			.doesNotExist();
	}

	@Test
	void emptyAnswerIsBadGateway() {
		expectProblem("empty", HttpStatus.BAD_GATEWAY).jsonPath("$.tokenpayCode").doesNotExist();
	}

	@Test
	void slowGatewayIsGatewayTimeout() {
		expectProblem("slow", HttpStatus.GATEWAY_TIMEOUT).jsonPath("$.tokenpayCode").doesNotExist();
	}

	@Test
	void payoutIdWithControlCharacterIsBadRequest() {
		this.client.post()
			.uri(URI.create("http://localhost:" + this.port + "/payouts/abc%01def/cancel"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Payout id must not contain control characters; pass the id exactly as TokenPay returned it")
			.jsonPath("$.field")
			.isEqualTo("payoutId")
			.jsonPath("$.tokenpayCode")
			.doesNotExist();
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void applicationStillServesAndRecordsOutcomes() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/metrics/tokenpay.client.requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.availableTags[?(@.tag == 'outcome')].values[*]")
			.value(new ParameterizedTypeReference<List<String>>() {
			}, (outcomes) -> assertThat(outcomes).contains("success", "api-error", "invalid-response",
					"transport-error"));
		this.client.post().uri("/payouts/{payoutId}/cancel", "cancellable").exchange().expectStatus().isOk();
	}

	private BodyContentSpec expectProblem(String payoutId, HttpStatus status) {
		return this.client.post()
			.uri("/payouts/{payoutId}/cancel", payoutId)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status.value());
	}

	/**
	 * Answers like the TokenPay gateway, choosing the answer by the payout id in the
	 * request body. Requests without this merchant's TTPAY-AES-256-ECB Authorization
	 * header get code 103.
	 */
	static class GatewayDispatcher extends Dispatcher {

		private final JsonMapper mapper = JsonMapper.builder().build();

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
			if (authorization == null
					|| !authorization.startsWith("TTPAY-AES-256-ECB app_id=" + APP_ID + ",mch_id=" + MCH_ID + ",")) {
				return envelope(103, "Invalid signature");
			}
			String payoutId = this.mapper.readTree(request.getBody().utf8()).path("payout_id").asString();
			return switch (payoutId) {
				case "cancellable" -> envelope(0, "success");
				case "unknown" -> envelope(12002, "Data is absence");
				case "invalid" -> envelope(20005, "Invalid parameter");
				case "too-frequent" -> envelope(11001, "Operate too frequently, please try again later");
				case "bad-signature" -> envelope(103, "Invalid signature");
				case "html" -> new MockResponse.Builder().code(502)
					.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_VALUE)
					.body("<html><body>Bad Gateway</body></html>")
					.build();
				case "empty" -> new MockResponse.Builder().code(200).build();
				case "slow" ->
					new MockResponse.Builder(envelope(0, "success")).headersDelay(2, TimeUnit.SECONDS).build();
				default -> new MockResponse.Builder().code(404).build();
			};
		}

		private static MockResponse envelope(int code, String msg) {
			return new MockResponse.Builder().code(200)
				.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body("""
						{"code":%d,"msg":"%s","request_id":"%s"}""".formatted(code, msg, REQUEST_ID))
				.build();
		}

	}

}
