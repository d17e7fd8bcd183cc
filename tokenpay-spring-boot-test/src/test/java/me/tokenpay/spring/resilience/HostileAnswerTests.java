package me.tokenpay.spring.resilience;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile and broken answers, each from a real loopback server (the mock gateway, a
 * {@link MockWebServer} or a raw socket): every one ends in the right
 * {@link TokenPayException} subtype within the deadline, and the same template succeeds
 * on a normal call right after.
 *
 * @author TokenPay Spring Boot team
 */
class HostileAnswerTests {

	private static final TokenPayCredentials CREDENTIALS = MockTokenPayServer.generateCredentials();

	private static final Duration BOUND = TestTokenPayClient.DEADLINE.plusSeconds(5);

	private static final String JSON = "Content-Type: application/json\r\n";

	@StartStop
	private final MockWebServer redirecting = new MockWebServer();

	@StartStop
	private final MockWebServer otherHost = new MockWebServer();

	private MockTokenPayServer mock;

	private ScriptedServer scripted;

	@BeforeEach
	void startServers() {
		this.mock = MockTokenPayServer.start();
		this.scripted = new ScriptedServer();
	}

	@AfterEach
	void stopServers() {
		this.mock.close();
		this.scripted.close();
	}

	@Test
	void mockDelayBeyondReadTimeoutEndsInTimeoutException() {
		TokenPayTimeoutException ex = failOnMock(Fault.delay(Duration.ofSeconds(2)), TokenPayTimeoutException.class);
		assertThat(ex.isRequestSent()).isTrue();
		assertThat(ex.isOutcomeUnknown()).isTrue();
	}

	@Test
	void mockHttp503PlainTextEndsInNonJsonResponseException() {
		TokenPayNonJsonResponseException ex = failOnMock(Fault.httpStatus(503), TokenPayNonJsonResponseException.class);
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void mockGatewayCode11000EndsInRetryableApiException() {
		TokenPayApiException ex = failOnMock(Fault.gatewayCode(11000), TokenPayApiException.class);
		assertThat(ex.getCode()).isEqualTo(11000);
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void mockHtmlErrorPageEndsInNonJsonResponseException() {
		TokenPayNonJsonResponseException ex = failOnMock(Fault.htmlErrorPage(), TokenPayNonJsonResponseException.class);
		assertThat(ex.getContentType()).startsWith("text/html");
	}

	@Test
	void mockTruncatedJsonEndsInMalformedResponseException() {
		failOnMock(Fault.truncatedJson(), TokenPayMalformedResponseException.class);
	}

	@Test
	void mockEmptyBodyEndsInEmptyResponseException() {
		failOnMock(Fault.emptyBody(), TokenPayEmptyResponseException.class);
	}

	@Test
	void mockOversizedBodyEndsInResponseTooLargeException() {
		TokenPayResponseTooLargeException ex = failOnMock(Fault.oversizedBody(2 * 1024 * 1024),
				TokenPayResponseTooLargeException.class);
		assertThat(ex.getMaxSize()).isEqualTo(1024 * 1024);
	}

	@Test
	void mockAnswerSignedWithAnotherSecretEndsInSignatureException() {
		failOnMock(Fault.wrongSignature(), TokenPaySignatureException.class);
	}

	@Test
	void mockMissingSignatureHeadersInRequiredModeEndsInSignatureException() {
		failOnMock(Fault.missingSignatureHeaders(), TokenPaySignatureException.class,
				"tokenpay.signature.response-mode=required");
	}

	@Test
	void mockConnectionResetEndsInTransportException() {
		TokenPayTransportException ex = failOnMock(Fault.connectionReset(), TokenPayTransportException.class);
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void mockSlowBodyBeyondReadTimeoutEndsInTimeoutException() {
		failOnMock(Fault.slowBody(Duration.ofMillis(100)), TokenPayTimeoutException.class);
	}

	@Test
	void jsonServedAsTextPlainEndsInNonJsonResponseException() {
		this.scripted.enqueue("200 OK", "Content-Type: text/plain; charset=utf-8\r\n",
				ScriptedServer.success().getBytes(StandardCharsets.UTF_8));
		TokenPayNonJsonResponseException ex = failOnScripted(TokenPayNonJsonResponseException.class);
		assertThat(ex.getContentType()).startsWith("text/plain");
	}

	@Test
	void utf8BomBeforeEnvelopeIsToleratedAndItsCodeReported() {
		this.scripted.enqueue("200 OK", JSON, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				envelope(20005).getBytes(StandardCharsets.UTF_8)));
		TokenPayApiException ex = failOnScripted(TokenPayApiException.class);
		assertThat(ex.getCode()).isEqualTo(20005);
	}

	@Test
	void duplicateCodeKeysEndInMalformedResponseException() {
		this.scripted.enqueueJson("200 OK", "{\"code\":103,\"code\":0,\"msg\":\"success\",\"request_id\":\"r\"}");
		failOnScripted(TokenPayMalformedResponseException.class);
	}

	@Test
	void codeAsStringEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("200 OK", "{\"code\":\"0\",\"msg\":\"success\",\"request_id\":\"r\"}");
		failOnScripted(TokenPayUnexpectedResponseException.class);
	}

	@Test
	void hugeNumberCodeEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("200 OK",
				"{\"code\":" + "9".repeat(400) + ",\"msg\":\"success\",\"request_id\":\"r\"}");
		failOnScripted(TokenPayUnexpectedResponseException.class);
	}

	@Test
	void fractionalCodeEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("200 OK", "{\"code\":0.5,\"msg\":\"success\",\"request_id\":\"r\"}");
		failOnScripted(TokenPayUnexpectedResponseException.class);
	}

	@Test
	void nestedGarbageInDataIsIgnoredAndTheCodeReported() {
		this.scripted.enqueueJson("200 OK", "{\"code\":12002,\"msg\":\"Data is absence\",\"request_id\":\"r\","
				+ "\"data\":{\"a\":[{\"b\":[[[null,true,{\"\\u0000\":-1e308}],\"\\ud800\"]]}],\"c\":{\"d\":{}}}}");
		TokenPayApiException ex = failOnScripted(TokenPayApiException.class);
		assertThat(ex.getCode()).isEqualTo(12002);
	}

	@Test
	void jsonArrayInsteadOfObjectEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("200 OK", "[{\"code\":0}]");
		failOnScripted(TokenPayUnexpectedResponseException.class);
	}

	@Test
	void trailingGarbageAfterEnvelopeEndsInMalformedResponseException() {
		this.scripted.enqueueJson("200 OK", ScriptedServer.success() + " {\"code\":103}");
		failOnScripted(TokenPayMalformedResponseException.class);
	}

	@Test
	void missingCodeEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("200 OK", "{\"msg\":\"success\",\"request_id\":\"r\"}");
		failOnScripted(TokenPayUnexpectedResponseException.class);
	}

	@Test
	void slowDripOfBytesBeyondReadTimeoutEndsInTimeoutException() {
		byte[] body = ScriptedServer.success().getBytes(StandardCharsets.UTF_8);
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(ScriptedServer.head("200 OK", JSON + "Content-Length: " + body.length + "\r\n"));
			for (byte b : body) {
				output.write(b);
				output.flush();
				sleep(100);
			}
		});
		TokenPayTimeoutException ex = failOnScripted(TokenPayTimeoutException.class);
		assertThat(ex.isOutcomeUnknown()).isTrue();
	}

	@Test
	void staleResponseTimestampEndsInSignatureException() {
		String body = ScriptedServer.success();
		long stale = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
		this.scripted.enqueue("200 OK", JSON + signatureHeaders(Long.toString(stale), body, body),
				body.getBytes(StandardCharsets.UTF_8));
		TokenPaySignatureException ex = failOnScripted(TokenPaySignatureException.class);
		assertThat(ex.getMessage()).contains("timestamp");
	}

	@Test
	void signatureCoveringAnotherBodyEndsInSignatureException() {
		String body = ScriptedServer.success();
		this.scripted.enqueue("200 OK",
				JSON + signatureHeaders(Long.toString(System.currentTimeMillis()), envelope(20005), body),
				body.getBytes(StandardCharsets.UTF_8));
		failOnScripted(TokenPaySignatureException.class);
	}

	@Test
	void onlySomeSignatureHeadersEndInSignatureException() {
		this.scripted.enqueue("200 OK", JSON + "TTPay-Signature: AAAA\r\n",
				ScriptedServer.success().getBytes(StandardCharsets.UTF_8));
		failOnScripted(TokenPaySignatureException.class);
	}

	@Test
	void redirect302ToAnotherHostIsNotFollowedAndEndsInEmptyResponseException() {
		this.redirecting.enqueue(new MockResponse.Builder().code(302)
			.setHeader("Location", this.otherHost.url("/v1/payanother/close").toString())
			.build());
		redirectIsNotFollowed(TokenPayEmptyResponseException.class);
	}

	@Test
	void redirect307ToAnotherHostIsNotFollowedAndEndsInNonJsonResponseException() {
		this.redirecting.enqueue(new MockResponse.Builder().code(307)
			.setHeader("Location", this.otherHost.url("/v1/payanother/close").toString())
			.setHeader("Content-Type", "text/plain")
			.body("Temporary Redirect")
			.build());
		redirectIsNotFollowed(TokenPayNonJsonResponseException.class);
	}

	@Test
	void tlsFailureEndsInTransportExceptionAndIsNotRetried(@TempDir Path directory) throws Exception {
		KeyStore keyStore = selfSignedKeyStore(directory);
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		Certificate certificate = keyStore.getCertificate("tokenpay");
		trustStore.setCertificateEntry("tokenpay", certificate);
		SSLContext serverContext = SSLContext.getInstance("TLS");
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "changeit".toCharArray());
		serverContext.init(keyManagers.getKeyManagers(), null, null);
		this.scripted.enqueue((socket) -> {
			socket.getInputStream().read(new byte[512]);
			socket.getOutputStream().write(ScriptedServer.head("400 Bad Request", "Content-Length: 0\r\n"));
		});
		this.scripted.enqueue((socket) -> {
			SSLSocket tls = (SSLSocket) serverContext.getSocketFactory()
				.createSocket(socket, "127.0.0.1", socket.getPort(), false);
			tls.setUseClientMode(false);
			tls.startHandshake();
			ScriptedServer.readRequest(tls.getInputStream());
			byte[] body = ScriptedServer.success().getBytes(StandardCharsets.UTF_8);
			tls.getOutputStream()
				.write(ScriptedServer.head("200 OK", JSON + "Content-Length: " + body.length + "\r\n"));
			tls.getOutputStream().write(body);
			tls.getOutputStream().flush();
			tls.close();
		});
		HttpClientSettings tlsSettings = HttpClientSettings
			.ofSslBundle(SslBundle.of(SslStoreBundle.of(null, null, trustStore)));
		try (TestTokenPayClient client = TestTokenPayClient.create("https://127.0.0.1:" + this.scripted.port(),
				CREDENTIALS, tlsSettings, "tokenpay.retry.max-attempts=3")) {
			TokenPayTransportException ex = fail(client, "payout-1", TokenPayTransportException.class);
			assertThat(ex.isRetryable()).isFalse();
			assertThat(this.scripted.connections()).isEqualTo(1);
			assertThat(client.template().cancelPayout("payout-2").code()).isZero();
			assertThat(this.scripted.connections()).isEqualTo(2);
		}
	}

	@Test
	void http500WithValidNonZeroEnvelopeEndsInApiExceptionWithThatCode() {
		this.scripted.enqueueJson("500 Internal Server Error", envelope(11000));
		TokenPayApiException ex = failOnScripted(TokenPayApiException.class);
		assertThat(ex.getCode()).isEqualTo(11000);
		assertThat(ex.getHttpStatus()).isEqualTo(500);
	}

	@Test
	void http500WithSuccessEnvelopeEndsInUnexpectedResponseException() {
		this.scripted.enqueueJson("500 Internal Server Error", ScriptedServer.success());
		TokenPayUnexpectedResponseException ex = failOnScripted(TokenPayUnexpectedResponseException.class);
		assertThat(ex.getHttpStatus()).isEqualTo(500);
	}

	@Test
	void garbageContentTypeHeaderEndsInNonJsonResponseException() {
		this.scripted.enqueue("200 OK", "Content-Type: ;;;/garbage==\r\n",
				ScriptedServer.success().getBytes(StandardCharsets.UTF_8));
		failOnScripted(TokenPayNonJsonResponseException.class);
	}

	@Test
	void nonUtf8BytesEndInMalformedResponseException() {
		this.scripted.enqueue("200 OK", JSON,
				concat("{\"code\":0,\"msg\":\"".getBytes(StandardCharsets.US_ASCII),
						new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28 },
						"\"}".getBytes(StandardCharsets.US_ASCII)));
		failOnScripted(TokenPayMalformedResponseException.class);
	}

	@Test
	void deeplyNestedJsonEndsInMalformedResponseException() {
		this.scripted.enqueueJson("200 OK", "[".repeat(100_000));
		failOnScripted(TokenPayMalformedResponseException.class);
	}

	@Test
	void contentLengthLargerThanBodyThenCloseEndsInTransportException() {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(ScriptedServer.head("200 OK", JSON + "Content-Length: 500\r\n"));
			output.write("{\"code\":0,\"msg\":\"su".getBytes(StandardCharsets.US_ASCII));
			output.flush();
		});
		TokenPayTransportException ex = failOnScripted(TokenPayTransportException.class);
		assertThat(ex).isNotInstanceOf(TokenPayTimeoutException.class);
		assertThat(ex.isOutcomeUnknown()).isTrue();
	}

	@Test
	void connectionClosedMidChunkedBodyEndsInTransportException() {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(ScriptedServer.head("200 OK", JSON + "Transfer-Encoding: chunked\r\n"));
			output.write("40\r\n{\"code\":0,\"msg\":\"success\",\"requ".getBytes(StandardCharsets.US_ASCII));
			output.flush();
		});
		failOnScripted(TokenPayTransportException.class);
	}

	@Test
	void garbageStatusLineEndsInTransportException() {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			socket.getOutputStream().write("HELLO THERE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		});
		failOnScripted(TokenPayTransportException.class);
	}

	@Test
	void closeWithoutAnyAnswerEndsInTransportException() {
		this.scripted.enqueue((socket) -> ScriptedServer.readRequest(socket.getInputStream()));
		failOnScripted(TokenPayTransportException.class);
	}

	@Test
	void http204WithoutBodyEndsInEmptyResponseException() {
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			socket.getOutputStream().write(ScriptedServer.head("204 No Content", ""));
		});
		TokenPayEmptyResponseException ex = failOnScripted(TokenPayEmptyResponseException.class);
		assertThat(ex.getHttpStatus()).isEqualTo(204);
	}

	private <T extends TokenPayException> T failOnMock(Fault fault, Class<T> type, String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "tokenpay.retry.max-attempts=1";
		System.arraycopy(properties, 0, all, 1, properties.length);
		try (TestTokenPayClient client = TestTokenPayClient.create(this.mock, all)) {
			String payoutId = this.mock.payouts().seedOpen();
			this.mock.enqueue(fault);
			T ex = fail(client, payoutId, type);
			String next = this.mock.payouts().seedOpen();
			assertThat(client.template().cancelPayout(next).code()).isZero();
			assertThat(this.mock.payouts().state(next)).isEqualTo(PayoutState.CLOSED);
			return ex;
		}
	}

	private <T extends TokenPayException> T failOnScripted(Class<T> type) {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.scripted.baseUrl(), CREDENTIALS,
				"tokenpay.retry.max-attempts=1")) {
			T ex = fail(client, "payout-1", type);
			assertThat(client.template().cancelPayout("payout-2").code()).isZero();
			assertThat(this.scripted.connections()).isEqualTo(2);
			return ex;
		}
	}

	private void redirectIsNotFollowed(Class<? extends TokenPayException> type) {
		this.redirecting.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(ScriptedServer.success())
			.build());
		String baseUrl = "http://127.0.0.1:" + this.redirecting.getPort();
		try (TestTokenPayClient client = TestTokenPayClient.create(baseUrl, CREDENTIALS,
				"tokenpay.retry.max-attempts=3")) {
			TokenPayException ex = fail(client, "payout-1", type);
			assertThat(ex.isRetryable()).isFalse();
			assertThat(this.otherHost.getRequestCount()).isZero();
			assertThat(client.template().cancelPayout("payout-2").code()).isZero();
			assertThat(this.redirecting.getRequestCount()).isEqualTo(2);
			assertThat(this.otherHost.getRequestCount()).isZero();
		}
	}

	private static <T extends TokenPayException> T fail(TestTokenPayClient client, String payoutId, Class<T> type) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> client.template().cancelPayout(payoutId));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		assertThat(thrown).isInstanceOf(type);
		return type.cast(thrown);
	}

	private static String envelope(int code) {
		return "{\"code\":" + code + ",\"msg\":\"m\",\"request_id\":\"" + UUID.randomUUID() + "\"}";
	}

	private static String signatureHeaders(String timestamp, String signedBody, String body) {
		String nonce = HexFormat.of()
			.formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16);
		String signature = new SignatureCipher(CREDENTIALS.appSecret())
			.sign((timestamp + "\n" + nonce + "\n" + signedBody).getBytes(StandardCharsets.UTF_8));
		return "TTPay-Timestamp: " + timestamp + "\r\nTTPay-Nonce: " + nonce + "\r\nTTPay-Signature: " + signature
				+ "\r\n";
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	private static void sleep(long millis) throws IOException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static KeyStore selfSignedKeyStore(Path directory) throws Exception {
		Path file = directory.resolve("tls.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "tokenpay", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
				file.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		byte[] output = keytool.getInputStream().readAllBytes();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream input = new FileInputStream(file.toFile())) {
			keyStore.load(input, "changeit".toCharArray());
		}
		return keyStore;
	}

}
