package me.tokenpay.spring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Neither the app secret nor an {@code Authorization} value shows up in logs at the most
 * verbose levels, or in the exceptions, while calls are retried and fail.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneUnderFailureTests {

	private static final String[] LOGGERS = { "org.springframework", "me.tokenpay", "jdk.internal.httpclient",
			"jdk.httpclient" };

	private final List<Level> previousLevels = new ArrayList<>();

	private final List<java.util.logging.Level> previousJulLevels = new ArrayList<>();

	private final Handler julHandler = new ConsoleHandler();

	private MockTokenPayServer server;

	@BeforeEach
	void traceEverything() {
		this.julHandler.setLevel(java.util.logging.Level.ALL);
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
			java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
			this.previousJulLevels.add(jul.getLevel());
			jul.setLevel(java.util.logging.Level.ALL);
			jul.addHandler(this.julHandler);
		}
		this.server = MockTokenPayServer.start();
	}

	@AfterEach
	void restoreLevels() {
		this.server.close();
		for (int i = 0; i < LOGGERS.length; i++) {
			((Logger) LoggerFactory.getLogger(LOGGERS[i])).setLevel(this.previousLevels.get(i));
			java.util.logging.Logger jul = java.util.logging.Logger.getLogger(LOGGERS[i]);
			jul.setLevel(this.previousJulLevels.get(i));
			jul.removeHandler(this.julHandler);
		}
	}

	@Test
	void secretAndAuthorizationStayOutOfLogsAndExceptionsDuringRetriesAndFailures(CapturedOutput output) {
		List<Throwable> failures = new ArrayList<>();
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=3",
				"tokenpay.read-timeout=300ms", "tokenpay.rate-limit.enabled=true", "tokenpay.rate-limit.permits=50",
				"tokenpay.rate-limit.max-wait=0ms")) {
			this.server.enqueue(Fault.httpStatus(503)).enqueue(Fault.gatewayCode(11001));
			client.template().cancelPayout(this.server.payouts().seedOpen());
			for (Fault fault : List.of(Fault.wrongSignature(), Fault.truncatedJson(), Fault.htmlErrorPage(),
					Fault.connectionReset(), Fault.delay(Duration.ofMillis(800)), Fault.gatewayCode(103),
					Fault.slowBody(Duration.ofMillis(30)))) {
				String payoutId = this.server.payouts().seedOpen();
				this.server.faults().injectForPayout(payoutId, fault);
				failures
					.add(catchThrowableOfType(TokenPayException.class, () -> client.template().cancelPayout(payoutId)));
			}
			failures
				.add(catchThrowableOfType(TokenPayException.class, () -> client.template().cancelPayout("unknown")));
			assertThat(client.template().toString()).doesNotContain(this.server.credentials().appSecret());
		}
		String secret = this.server.credentials().appSecret();
		List<String> authorizations = this.server.requests()
			.stream()
			.map((request) -> request.header("Authorization"))
			.toList();
		assertThat(authorizations).hasSizeGreaterThan(10).doesNotContainNull();
		assertThat(failures).doesNotContainNull();
		assertThat(output.getAll()).isNotEmpty().doesNotContain(secret);
		for (String authorization : authorizations) {
			String signature = authorization.substring(authorization.indexOf("signature=") + 10);
			assertThat(output.getAll()).doesNotContain(authorization).doesNotContain(signature);
		}
		for (Throwable failure : failures) {
			for (Throwable each = failure; each != null; each = each.getCause()) {
				assertThat(each.toString()).doesNotContain(secret);
				for (Throwable suppressed : each.getSuppressed()) {
					assertThat(suppressed.toString()).doesNotContain(secret);
				}
				for (String authorization : authorizations) {
					assertThat(String.valueOf(each.getMessage())).doesNotContain(authorization);
				}
			}
		}
	}

}
