package me.tokenpay.spring.client.operation;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.payout.Payout;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the small values of the pipeline at the edges of what they accept: a
 * descriptor or request missing a part, request checks at their limits, the resolver's
 * settings, and how transport failures are told apart.
 *
 * @author TokenPay Spring Boot team
 */
class OperationValuesTests {

	private static final DataDecoder<String> DECODER = (envelope) -> "decoded";

	@Test
	void aDescriptorNeedsEveryPart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor(" ", HttpMethod.POST, "/x", Idempotency.SAFE, ParameterLocation.BODY, DECODER))
			.withMessage("Name must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor("op", null, "/x", Idempotency.SAFE, ParameterLocation.BODY, DECODER))
			.withMessage("Method must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> descriptor("op", HttpMethod.POST, null, Idempotency.SAFE, ParameterLocation.BODY, DECODER))
			.withMessage("Path must start with '/' and have no query or fragment");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor("op", HttpMethod.POST, "/x", null, ParameterLocation.BODY, DECODER))
			.withMessage("Idempotency must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor("op", HttpMethod.POST, "/x", Idempotency.SAFE, null, DECODER))
			.withMessage("Parameter location must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor("op", HttpMethod.GET, "/x", Idempotency.SAFE, ParameterLocation.BODY, DECODER))
			.withMessage("A GET operation must send its parameters in the query string");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> descriptor("op", HttpMethod.POST, "/x", Idempotency.SAFE, ParameterLocation.BODY, null))
			.withMessage("Decoder must not be null");
		assertThat(descriptor("op", HttpMethod.GET, "/", Idempotency.SAFE, ParameterLocation.QUERY, DECODER).path())
			.isEqualTo("/");
	}

	@Test
	void aRequestNeedsItsMapsAndParametersThatAreTextOrNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OperationRequest(null, "id", Map.of()))
			.withMessage("Parameters must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new OperationRequest(Map.of(), "id", null))
			.withMessage("Expectations must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> OperationRequest.about("id").parameter(" ", "x"))
			.withMessage("Name must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OperationRequest.about("id").parameter("when", new Object()))
			.withMessage("Parameter when must be a string or a number");
		assertThat(new OperationRequest(Map.of("a", 1), null).expectations()).isEmpty();
	}

	@Test
	void theResolverRefusesSettingsThatCannotWorkAndACreateWithoutItsNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeResolver(-1, Duration.ZERO, Sleeper.THREAD))
			.withMessage("Resolve attempts must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutcomeResolver(0, Duration.ofNanos(-1), Sleeper.THREAD))
			.withMessage("Resolve delay must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeResolver(0, Duration.ZERO, null))
			.withMessage("Sleeper must not be null");
		OutcomeResolver resolver = new OutcomeResolver(0, Duration.ZERO, Sleeper.THREAD);
		TokenPayTransportException unknown = new TokenPayTransportException("reset", new IOException("reset"), true);
		assertThatIllegalArgumentException().isThrownBy(
				() -> resolver.<Payout>resolve("create-payout", OperationRequest.about(null).build(), unknown, () -> {
					throw new AssertionError("not queried");
				}, "getByOutTradeNo()"))
			.withMessage("A create is about its outTradeNo");
	}

	@Test
	void optionalTextIsNullWhenAbsentAndKeptUpToItsLimit() {
		assertThat(RequestChecks.optionalText("remark", null, 3)).isNull();
		assertThat(RequestChecks.optionalText("remark", "abc", 3)).isEqualTo("abc");
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> RequestChecks.optionalText("remark", "abcd", 3))
			.withMessage("remark must be at most 3 characters but has 4");
	}

	@Test
	void amountsHaveAtMostThirtyIntegerDigitsAndArePlain() {
		BigDecimal thirty = new BigDecimal("9".repeat(30) + ".5");
		assertThat(RequestChecks.amount("amount", thirty, 6)).isEqualTo(thirty);
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> RequestChecks.amount("amount", new BigDecimal("1" + "0".repeat(30)), 6))
			.withMessage("amount must have at most 30 integer digits");
		BigDecimal thousand = RequestChecks.amount("amount", new BigDecimal("1E+3"), 6);
		assertThat(thousand.scale()).isZero();
		assertThat(thousand.toPlainString()).isEqualTo("1000");
	}

	@Test
	void optionalUrlsAreAbsoluteHttpOrHttpsWithAHost() {
		assertThat(RequestChecks.optionalUrl("notify_url", null, 100)).isNull();
		assertThat(RequestChecks.optionalUrl("notify_url", "https://shop.example/n", 100))
			.isEqualTo("https://shop.example/n");
		assertThat(RequestChecks.optionalUrl("notify_url", "HTTP://shop.example/n", 100))
			.isEqualTo("HTTP://shop.example/n");
		for (String url : new String[] { "ftp://shop.example/n", "https:/n", "mailto:pay@shop.example", "/n" }) {
			assertThatExceptionOfType(TokenPayInvalidRequestException.class)
				.isThrownBy(() -> RequestChecks.optionalUrl("notify_url", url, 100))
				.as(url)
				.withMessage("notify_url must be an absolute http or https URL");
		}
	}

	@Test
	void epochMillisUpToTheLastMillisecondOfYear9999AndFiniteDoubles() {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		long lastMillisecond = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
		object.put("at", lastMillisecond);
		assertThat(LenientFields.epochMillis(object, "at")).hasToString("9999-12-31T23:59:59.999Z");
		object.put("at", lastMillisecond + 1);
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.epochMillis(object, "at"));
		object.put("min", 1.5d);
		object.put("float", 2.25f);
		assertThat(LenientFields.decimal(object, "min")).isEqualByComparingTo("1.5");
		assertThat(LenientFields.decimal(object, "float")).isEqualByComparingTo("2.25");
		object.put("inf", Double.POSITIVE_INFINITY);
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> LenientFields.decimal(object, "inf"));
	}

	@Test
	void epochSecondsUpToTheLastSecondOfYear9999() {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		long lastSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		object.put("at", lastSecond);
		assertThat(LenientFields.epochSeconds(object, "at")).hasToString("9999-12-31T23:59:59Z");
		object.put("at", 1);
		assertThat(LenientFields.epochSeconds(object, "at")).hasToString("1970-01-01T00:00:01Z");
		object.put("at", 0);
		assertThat(LenientFields.epochSeconds(object, "at")).isNull();
		for (long refused : new long[] { lastSecond + 1, -1 }) {
			object.put("at", refused);
			assertThatExceptionOfType(InvalidFieldException.class)
				.isThrownBy(() -> LenientFields.epochSeconds(object, "at"));
		}
	}

	@Test
	void connectionFailuresSayWhetherTheRequestWasSent() {
		TokenPayTransportException refused = TransportFailures
			.translate(new ResourceAccessException("I/O error", new ConnectException("Connection refused")), false);
		assertThat(refused).isNotInstanceOf(TokenPayTimeoutException.class);
		assertThat(refused.isRequestSent()).isFalse();
		assertThat(refused.getMessage())
			.isEqualTo("Could not connect to TokenPay; nothing was sent (ConnectException: Connection refused)");
		TokenPayTransportException reset = TransportFailures
			.translate(new ResourceAccessException("I/O error", new IOException("Connection reset")), false);
		assertThat(reset).isNotInstanceOf(TokenPayTimeoutException.class);
		assertThat(reset.isRequestSent()).isTrue();
		assertThat(reset.getMessage()).isEqualTo("Connection to TokenPay failed after the request was sent; whether "
				+ "it acted on the request is unknown (IOException: Connection reset)");
	}

	@Test
	void timeoutsSayWhetherTheRequestWasSent() {
		TokenPayTransportException connect = TransportFailures
			.translate(new ResourceAccessException("I/O error", new ConnectTimeoutException("connect")), false);
		assertThat(connect).isInstanceOf(TokenPayTimeoutException.class);
		assertThat(connect.isRequestSent()).isFalse();
		assertThat(connect.getMessage()).contains("tokenpay.connect-timeout; nothing was sent");
		TokenPayTransportException read = TransportFailures
			.translate(new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")), false);
		assertThat(read).isInstanceOf(TokenPayTimeoutException.class);
		assertThat(read.isRequestSent()).isTrue();
		assertThat(read.getMessage()).contains("tokenpay.read-timeout");
		TokenPayTransportException closedLate = TransportFailures
			.translate(new ResourceAccessException("I/O error", new EOFException("closed")), true);
		assertThat(closedLate).isInstanceOf(TokenPayTimeoutException.class);
		assertThat(closedLate.isRequestSent()).isTrue();
	}

	@Test
	void aFailureIsDescribedByTheFirstCauseThatHasAMessage() {
		IOException silent = new IOException((String) null, new EOFException("stream ended"));
		assertThat(TransportFailures.translate(new ResourceAccessException("I/O error", silent), false).getMessage())
			.endsWith("(EOFException: stream ended)");
		assertThat(TransportFailures.translate(new ResourceAccessException("I/O error", new IOException()), false)
			.getMessage()).endsWith("(IOException)");
		assertThat(TransportFailures.translate(new IllegalStateException("pool shut down"), false).getMessage())
			.endsWith("(IllegalStateException: pool shut down)");
	}

	@Test
	void headersOverTheClientsLimitsAreToldApart() {
		assertThat(TransportFailures
			.headersTooLarge(new ResourceAccessException("I/O error", new MessageConstraintException("too long"))))
			.isTrue();
		assertThat(TransportFailures.headersTooLarge(new ResourceAccessException("I/O error", new IOException("x"))))
			.isFalse();
	}

	@Test
	void notIdempotentOperationsRetryNoRateLimitRefusalThatIsNotTheGateways() {
		TokenPayApiException gatewayLimit = new TokenPayApiException(11001, "rate limited", null, 200);
		assertThat(Idempotency.NOT_IDEMPOTENT.allowsRetryAfter(gatewayLimit)).isTrue();
		assertThat(Idempotency.NOT_IDEMPOTENT
			.allowsRetryAfter(new TokenPayRateLimitException(5, Duration.ofSeconds(1), Duration.ZERO))).isFalse();
	}

	private static OperationDescriptor<String> descriptor(String name, HttpMethod method, String path,
			Idempotency idempotency, ParameterLocation location, DataDecoder<String> decoder) {
		return new OperationDescriptor<>(name, method, path, true, idempotency, Set.of(), location, decoder);
	}

}
