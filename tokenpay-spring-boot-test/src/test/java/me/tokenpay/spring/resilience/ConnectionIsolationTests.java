package me.tokenpay.spring.resilience;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayResponseHeadersTooLargeException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * No call reads bytes sent in answer to another call, and no answer's head holds a call
 * past its read timeout or grows without bound: raw sockets write the exact bytes of a
 * hostile gateway on a connection kept alive, as the default HTTP client would reuse it.
 *
 * @author TokenPay Spring Boot team
 */
class ConnectionIsolationTests {

	private static final TokenPayCredentials CREDENTIALS = MockTokenPayServer.generateCredentials();

	private static final String JSON = "Content-Type: application/json\r\n";

	private static final String SMUGGLED_BODY = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"SMUGGLED-1\"}";

	private static final String SMUGGLED = "HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: " + SMUGGLED_BODY.length()
			+ "\r\n\r\n" + SMUGGLED_BODY;

	private static final String HONEST_BODY = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"HONEST-1\"}";

	private ScriptedServer scripted;

	@BeforeEach
	void startServer() {
		this.scripted = new ScriptedServer();
	}

	@AfterEach
	void stopServer() {
		this.scripted.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Length: %d\r\n", "Content-Length: %1$d\r\nContent-Length: %1$d\r\n",
			"Transfer-Encoding: chunked\r\nContent-Length: %d\r\n" })
	void bytesBehindAnAnswerAreNeverReadAsTheNextCallsAnswer(String framing) {
		String body = HONEST_BODY;
		boolean chunked = framing.startsWith("Transfer-Encoding");
		String payload = chunked ? Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n" : body;
		String first = "HTTP/1.1 200 OK\r\n" + JSON + String.format(framing, body.length()) + "\r\n" + payload;
		this.scripted.enqueue((socket) -> keepAlive(socket, first + SMUGGLED));
		try (TestTokenPayClient client = client()) {
			catchThrowableOfType(TokenPayException.class, () -> client.template().cancelPayout("P1"));
			CancelPayoutResponse second = client.template().cancelPayout("P2");
			assertThat(second.requestId()).isNotEqualTo("SMUGGLED-1");
			assertThat(this.scripted.connections()).isEqualTo(2);
		}
	}

	@Test
	void aCleanAnswerLeavesItsConnectionForTheNextCall() {
		String answer = "HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: " + HONEST_BODY.length() + "\r\n\r\n"
				+ HONEST_BODY;
		this.scripted.enqueue((socket) -> keepAlive(socket, answer));
		try (TestTokenPayClient client = client()) {
			assertThat(client.template().cancelPayout("P1").requestId()).isEqualTo("HONEST-1");
			assertThat(client.template().cancelPayout("P2").requestId()).isEqualTo("HONEST-1");
			assertThat(this.scripted.connections()).isOne();
		}
	}

	@Test
	void aCreateGetsAConnectionOfItsOwnAndClosesIt() {
		String answer = "HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: " + HONEST_BODY.length() + "\r\n\r\n"
				+ HONEST_BODY;
		List<String> createRequests = new CopyOnWriteArrayList<>();
		this.scripted.enqueue((socket) -> keepAlive(socket, answer));
		this.scripted.enqueue((socket) -> {
			socket.setSoTimeout(5_000);
			try {
				String request;
				while (!(request = ScriptedServer.readRequest(socket.getInputStream())).isEmpty()) {
					createRequests.add(request);
					socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
					socket.getOutputStream().flush();
				}
			}
			catch (SocketTimeoutException ex) {
				// the client closed or left the connection
			}
		});
		try (TestTokenPayClient client = client()) {
			client.template().cancelPayout("P1");
			client.template()
				.payouts()
				.create(CreatePayoutRequest.builder(BigDecimal.ONE, Chain.TRON, "USDT", "TAddress").build());
			client.template().cancelPayout("P2");
			assertThat(this.scripted.connections()).isEqualTo(2);
			assertThat(createRequests).singleElement()
				.satisfies((request) -> assertThat(request.toLowerCase(Locale.ROOT)).contains("connection: close"));
		}
	}

	@Test
	void statusLineAndHeadersDrippedByteByByteEndAtTheReadTimeout() {
		String head = "HTTP/1.1 200 OK\r\n" + JSON + "X-Slow: " + "x".repeat(600) + "\r\n";
		this.scripted.enqueue((socket) -> {
			ScriptedServer.readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			for (byte b : head.getBytes(StandardCharsets.US_ASCII)) {
				output.write(b);
				output.flush();
				pause(100);
			}
		});
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			try (TestTokenPayClient client = client("tokenpay.read-timeout=1s")) {
				assertThatExceptionOfType(TokenPayTimeoutException.class)
					.isThrownBy(() -> client.template().cancelPayout("P1"))
					.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			}
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http-components", "jdk" })
	void mockBytesBehindTheBodyAreNeverReadAsTheNextCallsAnswer(String factory) {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = client(server, factory)) {
			String payoutId = server.payouts().seedOpen();
			server.faults().enqueueFor("query-payout", Fault.bytesBehindBody(SMUGGLED));
			assertThat(client.template().payouts().get(PayoutQuery.byTransactionId(payoutId)).transactionId())
				.isEqualTo(payoutId);
			assertThat(client.template().cancelPayout(payoutId).requestId()).isNotEqualTo("SMUGGLED-1");
			assertThat(server.requests()).hasSize(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http-components", "jdk" })
	void mockHeadersDrippedByteByByteEndAtTheReadTimeout(String factory) {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = client(server, factory, "tokenpay.read-timeout=1s")) {
			String payoutId = server.payouts().seedOpen();
			server.faults().enqueueFor("query-payout", Fault.drippingHeaders(Duration.ofMillis(200)));
			assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> assertThatExceptionOfType(TokenPayTimeoutException.class)
						.isThrownBy(() -> client.template().payouts().get(PayoutQuery.byTransactionId(payoutId))));
		}
	}

	@Test
	void oneHugeHeaderIsRefusedAndTheConnectionDiscarded() {
		try (MockTokenPayServer server = MockTokenPayServer.start();
				TestTokenPayClient client = TestTokenPayClient.create(server, "tokenpay.retry.max-attempts=1")) {
			String payoutId = server.payouts().seedOpen();
			server.faults().enqueueFor("query-payout", Fault.hugeHeaders(1024 * 1024));
			assertThatExceptionOfType(TokenPayResponseHeadersTooLargeException.class)
				.isThrownBy(() -> client.template().payouts().get(PayoutQuery.byTransactionId(payoutId)))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThat(client.template().payouts().get(PayoutQuery.byTransactionId(payoutId)).transactionId())
				.isEqualTo(payoutId);
		}
	}

	@Test
	void manyHeadersOverTheTotalLimitAreRefused() {
		StringBuilder headers = new StringBuilder(JSON);
		for (int i = 0; i < 20; i++) {
			headers.append("X-Pad-").append(i).append(": ").append("x".repeat(4000)).append("\r\n");
		}
		this.scripted.enqueue("200 OK", headers.toString(), HONEST_BODY.getBytes(StandardCharsets.UTF_8));
		try (TestTokenPayClient client = client()) {
			assertThatExceptionOfType(TokenPayResponseHeadersTooLargeException.class)
				.isThrownBy(() -> client.template().cancelPayout("P1"));
		}
	}

	/**
	 * Answer the first request with the given bytes and keep the connection open,
	 * answering honestly any further request a client sends on it.
	 */
	private static void keepAlive(Socket socket, String firstAnswer) throws IOException {
		ScriptedServer.readRequest(socket.getInputStream());
		OutputStream output = socket.getOutputStream();
		output.write(firstAnswer.getBytes(StandardCharsets.ISO_8859_1));
		output.flush();
		socket.setSoTimeout(5_000);
		try {
			while (!ScriptedServer.readRequest(socket.getInputStream()).isEmpty()) {
				output.write(("HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: " + HONEST_BODY.length() + "\r\n\r\n"
						+ HONEST_BODY)
					.getBytes(StandardCharsets.ISO_8859_1));
				output.flush();
			}
		}
		catch (SocketTimeoutException ex) {
			// the client opened another connection instead
		}
	}

	/**
	 * A client of the mock over the starter's default request factory or the JDK's.
	 */
	private static TestTokenPayClient client(MockTokenPayServer server, String factory, String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "tokenpay.retry.max-attempts=1";
		System.arraycopy(properties, 0, all, 1, properties.length);
		TestTokenPayClient client = TestTokenPayClient.create(server, (context) -> {
			if (factory.equals("jdk")) {
				context.registerBean("jdkRequestFactoryBuilder", ClientHttpRequestFactoryBuilder.class,
						ClientHttpRequestFactoryBuilder::jdk);
			}
		}, all);
		assertThat(client.bean(TokenPayAutoConfiguration.REQUEST_FACTORY_BEAN_NAME, ClientHttpRequestFactory.class))
			.isInstanceOf(factory.equals("jdk") ? JdkClientHttpRequestFactory.class
					: HttpComponentsClientHttpRequestFactory.class);
		return client;
	}

	private TestTokenPayClient client(String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "tokenpay.retry.max-attempts=1";
		System.arraycopy(properties, 0, all, 1, properties.length);
		return TestTokenPayClient.create(this.scripted.baseUrl(), CREDENTIALS, all);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
