package me.tokenpay.spring.resilience;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One test per defect a hostile gateway stand-in found, each against a raw socket that
 * writes the exact bytes: the exception type, whether the outcome is unknown, the
 * attempts made, and that no gateway text reaches a message unescaped or unbounded.
 *
 * @author TokenPay Spring Boot team
 */
class HostileGatewayDefectsTests {

	private static final TokenPayCredentials CREDENTIALS = MockTokenPayServer.generateCredentials();

	private static final String JSON = "Content-Type: application/json\r\n";

	private ScriptedServer scripted;

	@BeforeEach
	void startServer() {
		this.scripted = new ScriptedServer();
	}

	@AfterEach
	void stopServer() {
		this.scripted.close();
	}

	@Test
	void invalidContentLengthIsATransportFailureWithUnknownOutcomeOnTheDefaultClient() {
		enqueueRaw("HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: 12abc\r\nConnection: close\r\n\r\n{}");
		try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1")) {
			assertThatExceptionOfType(TokenPayTransportException.class)
				.isThrownBy(() -> client.template().cancelPayout("P1"))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertSafe(ex);
				});
		}
	}

	@Test
	void invalidContentLengthIsATransportFailureWithUnknownOutcomeOnTheJdkClient() {
		enqueueRaw("HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: 12abc\r\nConnection: close\r\n\r\n{}");
		TokenPayTemplate template = jdkTemplate(ObservationRegistry.NOOP);
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> template.cancelPayout("P1"))
			.satisfies((ex) -> {
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertSafe(ex);
			});
	}

	@Test
	void invalidContentLengthIsRetriedForACancel() {
		enqueueRaw("HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: abc\r\nConnection: close\r\n\r\n{}");
		try (TestTokenPayClient client = client()) {
			assertThat(client.template().cancelPayout("P1").code()).isZero();
			assertAttempts(client.observations(), "2");
		}
	}

	@Test
	void rateLimitRefusalOfARetryAfterAResetKeepsTheOutcomeUnknown() {
		this.scripted.enqueue((socket) -> ScriptedServer.readRequest(socket.getInputStream()));
		TokenPayTemplate template = jdkTemplate(ObservationRegistry.NOOP).mutate()
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(2)
				.delay(Duration.ofMillis(1))
				.timeout(Duration.ofMillis(200))
				.build())
			.rateLimiter(new LocalTokenPayRateLimiter(1, Duration.ZERO))
			.build();
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> template.cancelPayout("P1"))
			.satisfies((ex) -> {
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.getCause()).isInstanceOf(TokenPayTransportException.class);
				assertThat(((TokenPayTransportException) ex.getCause()).isRequestSent()).isTrue();
				assertThat(ex.getLastFailure()).isInstanceOf(TokenPayRateLimitException.class);
				assertThat(ex.getId()).isEqualTo("P1");
			});
		assertThat(this.scripted.connections()).isOne();
	}

	@Test
	void retryWaitsForARateLimitPermitWithinTheDeadline() {
		this.scripted.enqueue((socket) -> ScriptedServer.readRequest(socket.getInputStream()));
		try (TestTokenPayClient client = client("tokenpay.rate-limit.enabled=true", "tokenpay.rate-limit.permits=1",
				"tokenpay.rate-limit.max-wait=0ms")) {
			assertThat(client.template().cancelPayout("P1").code()).isZero();
			assertAttempts(client.observations(), "2");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503 })
	void serverErrorWithAnEnvelopeIsRetried(int status) {
		this.scripted.enqueueJson(status + " Server Error", "{\"code\":" + status + ",\"msg\":\"busy\"}");
		try (TestTokenPayClient client = client()) {
			assertThat(client.template().cancelPayout("P1").code()).isZero();
			assertAttempts(client.observations(), "2");
		}
	}

	@Test
	void serverErrorWithAnEnvelopeIsRetryableWithUnknownOutcome() {
		this.scripted.enqueueJson("503 Service Unavailable", "{\"code\":503,\"msg\":\"busy\"}");
		try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1")) {
			assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> client.template().cancelPayout("P1"))
				.satisfies((ex) -> {
					assertThat(ex.isRetryable()).isTrue();
					assertThat(ex.isOutcomeUnknown()).isTrue();
				});
		}
	}

	@Test
	void lineBreaksAndEscapesInMsgAndRequestIdAreEscaped() {
		this.scripted.enqueueJson("200 OK", "{\"code\":20005,\"msg\":\"nope\\r\\n2026-12-04 ERROR admin logged in"
				+ "\\u001b[31m\\u0007\\u2028\",\"request_id\":\"r-1\\r\\nINFO forged\"}");
		try (TestTokenPayClient client = client()) {
			TokenPayApiException ex = catchThrowableOfType(TokenPayApiException.class,
					() -> client.template().cancelPayout("P1"));
			assertSafe(ex);
			assertThat(ex.getMsg()).contains("\\u000d\\u000a2026-12-04 ERROR").contains("\\u001b[31m");
			assertThat(ex.getRequestId()).isEqualTo("r-1\\u000d\\u000aINFO forged");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 200 O\u001bK\r\nContent-Type: text/html\u0007\r\nContent-Length: 2\r\n\r\nhi",
			"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"a\u0000\u001b:1",
			"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"code\":\u001b1}",
			"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"code\":tru\u0007e}",
			"HTTP/1.1 200 OK\r\nX-Bad\u0007Name: v\r\nContent-Length: 2\r\n\r\n{}",
			"HTTP/1.1 200 OK\r\nContent-Type: text/\u0000plain\r\nContent-Length: 2\r\n\r\n{}" })
	void controlCharactersInTransportTextAreEscaped(String answer) {
		enqueueRaw(answer);
		try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1")) {
			TokenPayException ex = catchThrowableOfType(TokenPayException.class,
					() -> client.template().cancelPayout("P1"));
			assertThat(ex).isNotNull();
			assertSafe(ex);
		}
	}

	@Test
	void hugeMsgAndRequestIdAreBounded() {
		String huge = "x".repeat(300_000);
		this.scripted.enqueueJson("200 OK",
				"{\"code\":12002,\"msg\":\"" + huge + "\",\"request_id\":\"" + huge + "\"}");
		try (TestTokenPayClient client = client()) {
			TokenPayApiException ex = catchThrowableOfType(TokenPayApiException.class,
					() -> client.template().cancelPayout("P1"));
			assertThat(ex.getMsg()).hasSizeLessThan(GatewayText.MAX_MSG_LENGTH + 40).contains("[cut ");
			assertThat(ex.getRequestId()).hasSizeLessThan(GatewayText.MAX_REQUEST_ID_LENGTH + 40).contains("[cut ");
			assertThat(ex.getMessage()).hasSizeLessThan(1_000);
			assertThat(ex.toString()).hasSizeLessThan(1_200);
		}
	}

	@Test
	void requestIdOfTheWrongShapeIsEscaped() {
		this.scripted.enqueueJson("200 OK", "{\"code\":12002,\"msg\":\"m\",\"request_id\":\"<script>\"}");
		try (TestTokenPayClient client = client()) {
			assertThat(catchThrowableOfType(TokenPayApiException.class, () -> client.template().cancelPayout("P1"))
				.getRequestId()).isEqualTo("<script>");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 200 OK\r\n" + JSON + "Transfer-Encoding: chunked\r\n\r\nFFFFFFF\r\n{\"code\":0",
			"HTTP/1.1 200 OK\r\n" + JSON + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"code\":0}\r\n0\r\n\r\n",
			"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n0123456789",
			"HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}",
			"HTTP/1.1 502 Bad Gateway\r\n" + JSON + "X-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}xyz" })
	void connectionWithBrokenFramingIsNotReusedByTheNextCall(String answer) {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(answer.getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			sleep(3_000);
		});
		try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1")) {
			catchThrowableOfType(TokenPayException.class, () -> client.template().cancelPayout("P1"));
			assertThat(client.template().cancelPayout("P2").code()).isZero();
			assertThat(this.scripted.connections()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Transfer-Encoding: chunked", "Content-Length: 99999999999" })
	void endlessAnswerIsAbandonedWithoutReadingItToTheEnd(String framing) {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(("HTTP/1.1 200 OK\r\n" + JSON + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			while (true) {
				output.write(chunk);
			}
		});
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1", "tokenpay.max-response-size=1KB",
					"tokenpay.read-timeout=30s", "tokenpay.retry.deadline=40s")) {
				assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
					.isThrownBy(() -> client.template().cancelPayout("P1"));
				assertThat(client.template().cancelPayout("P2").code()).isZero();
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"min_payment_amount\":1e999999", "\"max_payment_amount\":-1", "\"decimal\":2147483647",
			"\"min_payment_amount\":\"100000000000000000000000000000000000000000000000000\"" })
	void unboundedCurrencyNumbersAreAnInvalidAnswer(String field) {
		this.scripted.enqueueJson("200 OK", "{\"code\":0,\"msg\":\"success\",\"request_id\":\"r-1\",\"data\":"
				+ "[{\"chain\":\"TRON\",\"currency\":\"USDT\"," + field + "}]}");
		try (TestTokenPayClient client = client()) {
			assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
				.isThrownBy(() -> client.template().currencies())
				.withMessageContaining("'" + field.substring(1, field.indexOf('"', 1)) + "'");
		}
	}

	@Test
	void resetAfterTheRequestWasWrittenHasAnUnknownOutcome() {
		this.scripted.enqueue((socket) -> ScriptedServer.readRequest(socket.getInputStream()));
		try (TestTokenPayClient client = client("tokenpay.retry.max-attempts=1")) {
			assertThatExceptionOfType(TokenPayTransportException.class)
				.isThrownBy(() -> client.template().cancelPayout("P1"))
				.satisfies((ex) -> {
					assertThat(ex.isRequestSent()).isTrue();
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertThat(ex.getMessage()).contains("whether it acted on the request is unknown");
				});
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 503 })
	void createAnsweredWithARetryableStatusIsSentOnceByTheDefaultClient(int status) {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = TestTokenPayClient.create(server, "tokenpay.payout.resolve-attempts=0")) {
			server.faults().enqueueFor("create-payout", Fault.httpStatus(status));
			assertThatExceptionOfType(TokenPayException.class).isThrownBy(() -> client.template()
				.payouts()
				.create(CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", "TAddress").build()));
			assertThat(server.requests()).hasSize(1);
		}
	}

	private void enqueueRaw(String answer) {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
		});
	}

	private TestTokenPayClient client(String... properties) {
		return TestTokenPayClient.create(this.scripted.baseUrl(), CREDENTIALS, properties);
	}

	private TokenPayTemplate jdkTemplate(ObservationRegistry registry) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(Duration.ofSeconds(2));
		ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(CREDENTIALS.appSecret()),
				ResponseSignatureMode.IF_PRESENT, Duration.ofMinutes(5), Clock.systemUTC());
		return TokenPayTemplate.builder()
			.restClientBuilder(RestClient.builder().requestFactory(factory))
			.settings(TokenPayClientSettings.defaults(URI.create(this.scripted.baseUrl())))
			.credentials(CREDENTIALS)
			.verifier(verifier)
			.observationRegistry(registry)
			.readTimeout(Duration.ofSeconds(2))
			.build();
	}

	private static void assertAttempts(TestObservationRegistry observations, String attempts) {
		TestObservationRegistryAssert.assertThat(observations)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("attempts", attempts);
	}

	/**
	 * No raw control character, no line break and a bounded length, in the message and
	 * {@code toString()} of the exception and of every cause, as a logged stack trace
	 * prints them.
	 */
	private static void assertSafe(TokenPayException ex) {
		assertSafeText(String.valueOf(ex.getRequestId()));
		for (Throwable each = ex; each != null; each = each.getCause()) {
			assertSafeText(String.valueOf(each.getMessage()));
			assertSafeText(each.toString());
		}
	}

	private static void assertSafeText(String text) {
		assertThat(text).hasSizeLessThan(2_000);
		assertThat(text.chars()).noneMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
