package me.tokenpay.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayErrorCategory;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.PayoutSettings;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.APP_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.MCH_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.OTHER_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.PAYOUT_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.REQUEST_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.assertCorrectlySigned;
import static me.tokenpay.spring.client.TokenPayTestServer.baseUrl;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.nonceOf;
import static me.tokenpay.spring.client.TokenPayTestServer.signed;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static me.tokenpay.spring.client.TokenPayTestServer.takeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TokenPayTemplate} against a real HTTP server on loopback.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayTemplateTests {

	private static final String CANCEL_PATH = "/v1/payanother/close";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void cancelPayoutPostsExactBodyWithHeadersToDocumentedPath() throws Exception {
		this.server.enqueue(success());
		TokenPayTestServer.template(this.server).cancelPayout(PAYOUT_ID);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo(CANCEL_PATH);
		assertThat(request.getBody().utf8()).isEqualTo(
				"{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID + "\",\"payout_id\":\"" + PAYOUT_ID + "\"}");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("User-Agent")).startsWith("tokenpay-spring-boot-starter/");
		assertThat(request.getHeaders().get("Authorization")).startsWith("TTPAY-AES-256-ECB app_id=" + APP_ID + ",");
	}

	@Test
	void cancelPayoutSignsExactlyThePathAndBodySent() throws Exception {
		this.server.enqueue(success());
		TokenPayTestServer.template(this.server).cancelPayout(PAYOUT_ID);
		assertCorrectlySigned(takeRequest(this.server), CANCEL_PATH);
	}

	@Test
	void cancelPayoutSignsPayoutIdThatNeedsJsonEscaping() throws Exception {
		String payoutId = "p\"1\\é💸/";
		this.server.enqueue(success());
		TokenPayTestServer.template(this.server).cancelPayout(payoutId);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getBody().utf8()).endsWith(",\"payout_id\":\"p\\\"1\\\\é💸/\"}");
		assertCorrectlySigned(request, CANCEL_PATH);
	}

	@Test
	void cancelPayoutSignsEveryCallWithFreshNonce() throws Exception {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(success());
		this.server.enqueue(success());
		template.cancelPayout(PAYOUT_ID);
		template.cancelPayout(PAYOUT_ID);
		RecordedRequest first = takeRequest(this.server);
		RecordedRequest second = takeRequest(this.server);
		assertCorrectlySigned(first, CANCEL_PATH);
		assertCorrectlySigned(second, CANCEL_PATH);
		assertThat(nonceOf(first)).isNotEqualTo(nonceOf(second));
	}

	@Test
	void cancelPayoutUsesCustomPayoutIdFieldPathAndUserAgent() throws Exception {
		TokenPayClientSettings settings = new TokenPayClientSettings(baseUrl(this.server),
				TokenPayClientSettings.DEFAULT_MAX_RESPONSE_SIZE, "merchant-app/2.0")
			.withOperation("cancel-payout", OperationOverride.path("/v1/payout/close"));
		TokenPayTemplate template = TokenPayTestServer
			.template(RestClient.builder(), settings, ResponseSignatureMode.IF_PRESENT, ObservationRegistry.NOOP)
			.mutate()
			.payoutSettings(PayoutSettings.defaults().withPayoutIdField("payanother_id"))
			.build();
		this.server.enqueue(success());
		template.cancelPayout(PAYOUT_ID);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getTarget()).isEqualTo("/v1/payout/close");
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"payanother_id\":\"" + PAYOUT_ID + "\"}");
		assertThat(request.getHeaders().get("User-Agent")).isEqualTo("merchant-app/2.0");
		assertCorrectlySigned(request, "/v1/payout/close");
	}

	@ParameterizedTest
	@ValueSource(strings = { "P-1_a.b~c", " !#$%&'()*+,-.:;<=>?@[]^_`{|}~", "a/b", "a\"b", "a\\b", "é", "a\u2028b",
			"\uD83D\uDE00", "</script>" })
	void cancelPayoutBodyIsWhatJacksonWritesForAnyPayoutId(String payoutId) throws Exception {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(success());
		template.cancelPayout(payoutId);
		RecordedRequest request = takeRequest(this.server);
		JsonMapper mapper = JsonMapper.builder().build();
		byte[] expected = mapper.writeValueAsBytes(
				mapper.createObjectNode().put("app_id", APP_ID).put("mch_id", MCH_ID).put("payout_id", payoutId));
		assertThat(request.getBody().toByteArray()).isEqualTo(expected);
		assertCorrectlySigned(request, CANCEL_PATH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/gateway", "/gateway/", "/api/tokenpay/" })
	void cancelPayoutSignsPathIncludingBaseUrlPrefix(String prefix) throws Exception {
		URI baseUrl = URI.create(this.server.url(prefix).toString());
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder(),
				TokenPayClientSettings.defaults(baseUrl), ResponseSignatureMode.IF_PRESENT, ObservationRegistry.NOOP);
		this.server.enqueue(success());
		template.cancelPayout(PAYOUT_ID);
		String expectedPath = (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + CANCEL_PATH;
		assertCorrectlySigned(takeRequest(this.server), expectedPath);
	}

	@Test
	void cancelPayoutReturnsResponseOnSuccess() {
		this.server.enqueue(success());
		CancelPayoutResponse response = TokenPayTestServer.template(this.server).cancelPayout(PAYOUT_ID);
		assertThat(response).isEqualTo(new CancelPayoutResponse(0, "success", REQUEST_ID));
	}

	@Test
	void cancelPayoutAcceptsRequestObject() throws Exception {
		this.server.enqueue(success());
		CancelPayoutResponse response = TokenPayTestServer.template(this.server)
			.cancelPayout(new CancelPayoutRequest(PAYOUT_ID));
		assertThat(response.code()).isZero();
		assertThat(takeRequest(this.server).getBody().utf8()).contains("\"payout_id\":\"" + PAYOUT_ID + "\"");
	}

	@ParameterizedTest(name = "code {0} on HTTP {2} is {1}")
	@CsvSource({ "100, VALIDATION, 200", "103, AUTHENTICATION, 200", "104, AUTHENTICATION, 401",
			"11000, RETRYABLE, 200", "11001, RETRYABLE, 429", "11003, VALIDATION, 200", "12001, BUSINESS, 200",
			"12002, BUSINESS, 404", "12003, BUSINESS, 200", "20000, AUTHENTICATION, 200", "20001, AUTHENTICATION, 403",
			"20002, BUSINESS, 200", "20003, BUSINESS, 200", "20004, RETRYABLE, 200", "20005, VALIDATION, 400",
			"99999, UNKNOWN, 500", "-1, UNKNOWN, 200" })
	void cancelPayoutThrowsApiExceptionForNonZeroCode(int code, TokenPayErrorCategory category, int httpStatus) {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(json(httpStatus, envelope(code, "Gateway says no")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(code);
				assertThat(ex.getMsg()).isEqualTo("Gateway says no");
				assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID);
				assertThat(ex.getHttpStatus()).isEqualTo(httpStatus);
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getMessage()).contains(Integer.toString(code));
			});
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsNonJsonResponseExceptionForHtmlPage() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html><body><h1>502 Bad Gateway</h1></body></html>")
			.build());
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getContentType()).isEqualTo("text/html");
			});
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsNonJsonResponseExceptionForHtmlWithoutContentType() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(new MockResponse.Builder().code(200).body("<!DOCTYPE html><html></html>").build());
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getContentType()).isNull());
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsNonJsonResponseExceptionForUnparsableContentType() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "not a media type")
			.body(envelope(0, "success"))
			.build());
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 204, 502 })
	void cancelPayoutThrowsEmptyResponseExceptionForEmptyBody(int status) {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(new MockResponse.Builder().code(status).build());
		assertThatExceptionOfType(TokenPayEmptyResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(status));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsMalformedResponseExceptionForTruncatedJson() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(json(200, "{\"code\":0,\"msg\":\"succ"));
		assertThatExceptionOfType(TokenPayMalformedResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\":\"0\",\"msg\":\"success\",\"request_id\":\"r\"}",
			"{\"code\":0,\"msg\":1,\"request_id\":\"r\"}", "{\"code\":0,\"msg\":\"success\",\"request_id\":7}",
			"{\"msg\":\"success\",\"request_id\":\"r\"}", "[]" })
	void cancelPayoutThrowsUnexpectedResponseExceptionForWrongTypes(String body) {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(json(200, body));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsUnexpectedResponseExceptionForSuccessCodeOnHttpError() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(json(500, envelope(0, "success")));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID);
			});
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsResponseTooLargeExceptionForDeclaredLengthOverLimit() {
		TokenPayTemplate template = templateWithMaxResponseSize(256);
		this.server.enqueue(json(200, largeEnvelope(1024)));
		assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getMaxSize()).isEqualTo(256));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsResponseTooLargeExceptionForChunkedBodyOverLimit() {
		TokenPayTemplate template = templateWithMaxResponseSize(256);
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.chunkedBody(largeEnvelope(4096), 100)
			.build());
		assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutAcceptsBodyOfExactlyMaxSizeChunkedOrNot() {
		String body = largeEnvelope(256);
		assertThat(body).hasSize(256);
		TokenPayTemplate template = templateWithMaxResponseSize(256);
		this.server.enqueue(json(200, body));
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.chunkedBody(body, 50)
			.build());
		assertThat(template.cancelPayout(PAYOUT_ID).requestId()).isEqualTo(REQUEST_ID);
		assertThat(template.cancelPayout(PAYOUT_ID).requestId()).isEqualTo(REQUEST_ID);
	}

	@Test
	void cancelPayoutThrowsTransportExceptionWhenConnectionIsRefused() throws IOException {
		URI baseUrl;
		try (MockWebServer closed = new MockWebServer()) {
			closed.start();
			baseUrl = baseUrl(closed);
		}
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder(),
				TokenPayClientSettings.defaults(baseUrl), ResponseSignatureMode.IF_PRESENT, ObservationRegistry.NOOP);
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.isNotInstanceOf(TokenPayTimeoutException.class)
			.satisfies((ex) -> assertThat(ex.getCause()).isNotNull());
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
	}

	@ParameterizedTest
	@MethodSource("readTimeoutRequestFactories")
	void cancelPayoutThrowsTimeoutExceptionWhenServerAnswersTooLate(Supplier<ClientHttpRequestFactory> factory) {
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder().requestFactory(factory.get()),
				TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
				ObservationRegistry.NOOP);
		this.server.enqueue(new MockResponse.Builder(success()).headersDelay(3, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(TokenPayTimeoutException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getCause()).isNotNull());
		assertStillUsable(template);
	}

	@ParameterizedTest
	@MethodSource("readTimeoutRequestFactories")
	void cancelPayoutThrowsTransportExceptionWhenBodyStallsAfterHeaders(Supplier<ClientHttpRequestFactory> factory) {
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder().requestFactory(factory.get()),
				TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
				ObservationRegistry.NOOP);
		this.server.enqueue(new MockResponse.Builder(success()).bodyDelay(3, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutLeavesTheJdkClientsConnectionOpenForTheNextCall() throws Exception {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(Duration.ofSeconds(15));
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder().requestFactory(factory),
				TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
				ObservationRegistry.NOOP);
		for (int i = 0; i < 50; i++) {
			this.server.enqueue(success());
			template.cancelPayout(PAYOUT_ID);
		}
		Set<Integer> connections = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			connections.add(takeRequest(this.server).getConnectionIndex());
		}
		// closed early, the body took the connection with it on about one call in four
		assertThat(connections).hasSizeLessThanOrEqualTo(3);
	}

	static List<Arguments> readTimeoutRequestFactories() {
		Supplier<ClientHttpRequestFactory> jdk = () -> {
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
			factory.setReadTimeout(Duration.ofMillis(500));
			return factory;
		};
		Supplier<ClientHttpRequestFactory> simple = () -> {
			SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
			factory.setReadTimeout(Duration.ofMillis(500));
			return factory;
		};
		return List.of(Arguments.argumentSet("JdkClientHttpRequestFactory", jdk),
				Arguments.argumentSet("SimpleClientHttpRequestFactory", simple));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "\t", "\n", "p-1\n", "p-1\r\nX-Injected: 1", "p\u0000", "p\u007f", "p\u0085" })
	void cancelPayoutRejectsBlankOrControlCharacterPayoutIdWithoutSending(String payoutId) {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		assertThatIllegalArgumentException().isThrownBy(() -> template.cancelPayout(payoutId));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cancelPayoutRejectsNullRequestWithoutSending() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		assertThatIllegalArgumentException().isThrownBy(() -> template.cancelPayout((CancelPayoutRequest) null));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cancelPayoutAcceptsCorrectlySignedAnswerWhenSignatureIsRequired() throws Exception {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.REQUIRED);
		this.server.enqueue(signed(APP_SECRET, envelope(0, "success")));
		assertThat(template.cancelPayout(PAYOUT_ID).requestId()).isEqualTo(REQUEST_ID);
	}

	@Test
	void cancelPayoutAcceptsSignedAnswerWithLowerCaseHeaderNames() {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.REQUIRED);
		this.server
			.enqueue(signed(APP_SECRET, envelope(0, "success"), "ttpay-timestamp", "ttpay-nonce", "ttpay-signature"));
		assertThat(template.cancelPayout(PAYOUT_ID).code()).isZero();
	}

	@Test
	void cancelPayoutThrowsApiExceptionForCorrectlySignedErrorAnswer() {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.REQUIRED);
		this.server.enqueue(signed(APP_SECRET, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
	}

	@Test
	void cancelPayoutThrowsSignatureExceptionForAnswerSignedWithAnotherSecret() {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.IF_PRESENT);
		this.server.enqueue(signed(OTHER_SECRET, envelope(0, "success")));
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsSignatureExceptionForSignedErrorAnswerReplayedAsSuccess() {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.IF_PRESENT);
		MockResponse signedError = signed(APP_SECRET, envelope(12002, "Data is absence"));
		this.server.enqueue(new MockResponse.Builder(signedError).body(envelope(0, "success")).build());
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertStillUsable(template);
	}

	@Test
	void cancelPayoutThrowsSignatureExceptionForUnsignedAnswerWhenSignatureIsRequired() {
		TokenPayTemplate template = templateWithResponseMode(ResponseSignatureMode.REQUIRED);
		this.server.enqueue(success());
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		this.server.enqueue(signed(APP_SECRET, envelope(0, "success")));
		assertThat(template.cancelPayout(PAYOUT_ID).code()).isZero();
	}

	private void assertStillUsable(TokenPayTemplate template) {
		this.server.enqueue(success());
		assertThat(template.cancelPayout(PAYOUT_ID)).isEqualTo(new CancelPayoutResponse(0, "success", REQUEST_ID));
	}

	private TokenPayTemplate templateWithMaxResponseSize(long maxResponseSize) {
		TokenPayClientSettings settings = new TokenPayClientSettings(baseUrl(this.server), maxResponseSize,
				"test-agent");
		return TokenPayTestServer.template(RestClient.builder(), settings, ResponseSignatureMode.IF_PRESENT,
				ObservationRegistry.NOOP);
	}

	private TokenPayTemplate templateWithResponseMode(ResponseSignatureMode mode) {
		return TokenPayTestServer.template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl(this.server)),
				mode, ObservationRegistry.NOOP);
	}

	private static String largeEnvelope(int size) {
		String prefix = "{\"code\":0,\"msg\":\"";
		String suffix = "\",\"request_id\":\"" + REQUEST_ID + "\"}";
		return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
	}

}
