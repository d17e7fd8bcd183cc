package me.tokenpay.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.observation.tck.TestObservationRegistry;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.OTHER_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.PAYOUT_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.baseUrl;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.signed;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that neither the app secret nor an {@code Authorization} header value shows up
 * in logs (at the most verbose levels), exception messages or {@code toString()}.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTests {

	private static final String[] LOGBACK_LOGGERS = { "org.springframework", "me.tokenpay", "mockwebserver3",
			"okhttp3" };

	private static final String[] JUL_LOGGERS = { "jdk.httpclient.HttpClient", "jdk.internal.httpclient.debug",
			"java.net.http", "sun.net.www.protocol.http.HttpURLConnection", "mockwebserver3", "okhttp3" };

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger("me.tokenpay.application");

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final List<Runnable> restore = new ArrayList<>();

	@BeforeEach
	void enableMostVerboseLogging() {
		for (String name : LOGBACK_LOGGERS) {
			Logger logbackLogger = (Logger) LoggerFactory.getLogger(name);
			Level level = logbackLogger.getLevel();
			logbackLogger.setLevel(Level.TRACE);
			this.restore.add(() -> logbackLogger.setLevel(level));
		}
		for (String name : JUL_LOGGERS) {
			java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger(name);
			java.util.logging.Level level = julLogger.getLevel();
			Handler handler = new ConsoleHandler();
			handler.setLevel(java.util.logging.Level.ALL);
			julLogger.setLevel(java.util.logging.Level.ALL);
			julLogger.addHandler(handler);
			this.restore.add(() -> {
				julLogger.removeHandler(handler);
				julLogger.setLevel(level);
			});
		}
	}

	@AfterEach
	void restoreLogging() {
		this.restore.forEach(Runnable::run);
	}

	@Test
	void secretAndAuthorizationNeverAppearInOutputExceptionsOrToString(CapturedOutput output) throws Exception {
		TokenPayCredentials credentials = TokenPayTestServer.credentials();
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(credentials);
		SignatureCipher cipher = new SignatureCipher(APP_SECRET);
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder(),
				TokenPayClientSettings.defaults(baseUrl(this.server)), ResponseSignatureMode.IF_PRESENT,
				TestObservationRegistry.create());
		List<Throwable> failures = new ArrayList<>();
		Consumer<Runnable> call = (action) -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				logger.trace("cancel-payout failed", ex);
				logger.error("cancel-payout failed: {}", ex.toString());
				failures.add(ex);
			}
		};
		this.server.enqueue(success());
		this.server.enqueue(json(200, envelope(103, "Invalid signature")));
		this.server.enqueue(json(500, envelope(0, "success")));
		this.server.enqueue(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html>Bad Gateway</html>")
			.build());
		this.server.enqueue(json(200, "{\"code\":0,"));
		this.server.enqueue(signed(OTHER_SECRET, envelope(0, "success")));
		for (int i = 0; i < 6; i++) {
			call.accept(() -> logger.info("cancelled: {}", template.cancelPayout(PAYOUT_ID)));
		}
		call.accept(() -> closedServerTemplate().cancelPayout(PAYOUT_ID));
		call.accept(() -> new TokenPayCredentials("app", "mch", APP_SECRET + "x"));
		call.accept(() -> new SignatureCipher(APP_SECRET.substring(1)));
		ResponseVerifier verifier = new ResponseVerifier(cipher, ResponseSignatureMode.REQUIRED, Duration.ofMinutes(5),
				Clock.systemUTC());
		call.accept(() -> verifier.verify(new HttpHeaders(), new byte[0], JsonNodeFactory.instance.objectNode(), null));
		assertThat(failures).hasSize(9);
		List<String> authorizations = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			RecordedRequest request = TokenPayTestServer.takeRequest(this.server);
			authorizations.add(request.getHeaders().get("Authorization"));
		}
		List<String> forbidden = new ArrayList<>();
		forbidden.add(APP_SECRET);
		for (String authorization : authorizations) {
			forbidden.add(authorization);
			forbidden.add(authorization.substring(authorization.indexOf(",signature=") + 11));
		}
		assertThat(output).contains("cancel-payout failed").contains(TokenPayApiException.class.getName());
		assertThat(failures).extracting(Object::getClass)
			.contains(TokenPayApiException.class, TokenPayUnexpectedResponseException.class,
					TokenPayNonJsonResponseException.class, TokenPayMalformedResponseException.class,
					TokenPaySignatureException.class, TokenPayTransportException.class);
		for (String secret : forbidden) {
			assertThat(output.getAll()).doesNotContain(secret);
			for (Throwable failure : failures) {
				assertNotContainedInChain(failure, secret);
			}
			assertThat(credentials.toString()).doesNotContain(secret);
			assertThat(signer.toString()).doesNotContain(secret);
			assertThat(cipher.toString()).doesNotContain(secret);
			assertThat(template.toString()).doesNotContain(secret);
		}
	}

	private TokenPayTemplate closedServerTemplate() {
		URI baseUrl;
		try (MockWebServer closed = new MockWebServer()) {
			closed.start();
			baseUrl = baseUrl(closed);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return TokenPayTestServer.template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl),
				ResponseSignatureMode.IF_PRESENT, TestObservationRegistry.create());
	}

	private static void assertNotContainedInChain(Throwable failure, String secret) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> pending = new ArrayList<>(List.of(failure));
		while (!pending.isEmpty()) {
			Throwable candidate = pending.remove(pending.size() - 1);
			if (!seen.add(candidate)) {
				continue;
			}
			assertThat(String.valueOf(candidate.getMessage())).doesNotContain(secret);
			assertThat(candidate.toString()).doesNotContain(secret);
			if (candidate.getCause() != null) {
				pending.add(candidate.getCause());
			}
			pending.addAll(List.of(candidate.getSuppressed()));
		}
	}

}
