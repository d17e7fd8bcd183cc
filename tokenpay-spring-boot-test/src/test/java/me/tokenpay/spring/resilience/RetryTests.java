package me.tokenpay.spring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayExtension;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries of {@link TokenPayTemplate} against {@link MockTokenPayServer}: what is
 * retried, what never is, how often, and what the observation and the caller are told.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(MockTokenPayExtension.class)
class RetryTests {

	private static final String NAME = DefaultTokenPayClientObservationConvention.NAME;

	private final MockTokenPayServer server;

	RetryTests(MockTokenPayServer server) {
		this.server = server;
	}

	static Stream<Arguments> retryableFaults() {
		return Stream.of(Arguments.argumentSet("connection reset", Fault.connectionReset()),
				Arguments.argumentSet("HTTP 503", Fault.httpStatus(503)),
				Arguments.argumentSet("HTTP 429", Fault.httpStatus(429)),
				Arguments.argumentSet("HTTP 500", Fault.httpStatus(500)),
				Arguments.argumentSet("HTML 502 page", Fault.htmlErrorPage()),
				Arguments.argumentSet("code 11000", Fault.gatewayCode(11000)),
				Arguments.argumentSet("code 11001", Fault.gatewayCode(11001)),
				Arguments.argumentSet("code 20004", Fault.gatewayCode(20004)));
	}

	@ParameterizedTest
	@MethodSource("retryableFaults")
	void retryableFailureIsRetriedWithFreshSignatureThenSucceeds(Fault fault) {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server)) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(fault).enqueue(fault);
			CancelPayoutResponse response = client.template().cancelPayout(payoutId);
			assertThat(response.code()).isZero();
			List<MockTokenPayRequest> requests = this.server.requests();
			assertThat(requests).hasSize(3);
			assertThat(requests).extracting(MockTokenPayRequest::fault).containsExactly(fault, fault, null);
			assertThat(requests.get(2).code()).isZero();
			assertFreshlySigned(requests);
			assertThat(requests).extracting(MockTokenPayRequest::bodyAsString)
				.containsOnly(requests.get(0).bodyAsString());
			assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", "3")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasLowCardinalityKeyValue("code", "0");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 103, 104, 20000, 20001, 100, 11003, 20005, 12002, 12001, 12003, 20002, 20003 })
	void nonRetryableGatewayCodeIsNotRetried(int code) {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.gatewayCode(code));
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(code))
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
			assertThat(this.server.requests()).hasSize(1);
			assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", "1")
				.hasLowCardinalityKeyValue("outcome", "api-error")
				.hasLowCardinalityKeyValue("code", Integer.toString(code));
		}
	}

	@Test
	void payoutThatIsNoLongerOpenIsRejectedWith20005WithoutRetry() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5")) {
			this.server.payouts().seed("paid-payout", PayoutState.SUCCESS);
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout("paid-payout"))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20005));
			assertThat(this.server.requests()).singleElement()
				.satisfies((request) -> assertThat(request.code()).isEqualTo(20005));
		}
	}

	@Test
	void unknownPayoutIsRejectedWith12002WithoutRetry() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5")) {
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout("no-such-payout"))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
			assertThat(this.server.requests()).hasSize(1);
		}
	}

	@Test
	void requestSignedWithWrongSecretIsRejectedWith103WithoutRetry() {
		TokenPayCredentials real = this.server.credentials();
		TokenPayCredentials wrong = new TokenPayCredentials(real.appId(), real.mchId(),
				new StringBuilder(real.appSecret()).reverse().toString());
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server.baseUrl(), wrong,
				"tokenpay.retry.max-attempts=5", "tokenpay.signature.response-mode=off")) {
			String payoutId = this.server.payouts().seedOpen();
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(103));
			assertThat(this.server.requests()).singleElement()
				.satisfies((request) -> assertThat(request.code()).isEqualTo(103));
		}
	}

	@Test
	void answerSignedWithAnotherSecretIsNotRetried() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.wrongSignature());
			assertThatExceptionOfType(TokenPaySignatureException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId));
			assertThat(this.server.requests()).hasSize(1);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "signature-error")
				.hasLowCardinalityKeyValue("attempts", "1");
		}
	}

	@Test
	void unsignedAnswerInRequiredModeIsNotRetried() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5",
				"tokenpay.signature.response-mode=required")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.missingSignatureHeaders());
			assertThatExceptionOfType(TokenPaySignatureException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId));
			assertThat(this.server.requests()).hasSize(1);
		}
	}

	@Test
	void truncatedJsonWithStatus200IsNotRetried() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=5")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.truncatedJson());
			assertThatExceptionOfType(TokenPayMalformedResponseException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(200));
			assertThat(this.server.requests()).hasSize(1);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "invalid-response")
				.hasLowCardinalityKeyValue("code", "none");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 4 })
	void maxAttemptsIsHonoured(int maxAttempts) {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server,
				"tokenpay.retry.max-attempts=" + maxAttempts)) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.faults().injectForPayout(payoutId, Fault.httpStatus(503));
			assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(maxAttempts - 1)
					.allSatisfy((earlier) -> assertThat(earlier).isInstanceOf(TokenPayNonJsonResponseException.class)));
			assertThat(this.server.requests()).hasSize(maxAttempts);
			assertFreshlySigned(this.server.requests());
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", Integer.toString(maxAttempts))
				.hasLowCardinalityKeyValue("outcome", "invalid-response");
		}
	}

	@Test
	void finalOutcomeAndCodeReflectTheLastAttempt() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=3")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.gatewayCode(11001))
				.enqueue(Fault.connectionReset())
				.enqueue(Fault.gatewayCode(12003));
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12003));
			assertThat(this.server.requests()).extracting(MockTokenPayRequest::fault)
				.extracting(Fault::getKind)
				.containsExactly(Fault.Kind.GATEWAY_CODE, Fault.Kind.CONNECTION_RESET, Fault.Kind.GATEWAY_CODE);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", "3")
				.hasLowCardinalityKeyValue("outcome", "api-error")
				.hasLowCardinalityKeyValue("code", "12003");
		}
	}

	@Test
	void transportFailureOnLastAttemptLeavesNoCodeFromEarlierAttempt() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.retry.max-attempts=2")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.gatewayCode(11000)).enqueue(Fault.connectionReset());
			assertThatExceptionOfType(TokenPayTransportException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId));
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", "2")
				.hasLowCardinalityKeyValue("outcome", "transport-error")
				.hasLowCardinalityKeyValue("code", "none");
		}
	}

	@Test
	void backOffDelaysGrowExponentiallyUpToTheMaximum() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server)) {
			List<Long> delays = Collections.synchronizedList(new ArrayList<>());
			RetryPolicy policy = RetryPolicy.builder()
				.maxRetries(5)
				.delay(Duration.ofMillis(5))
				.multiplier(2)
				.maxDelay(Duration.ofMillis(40))
				.build();
			TokenPayTemplate template = client.template()
				.mutate()
				.retryPolicy(new RecordingRetryPolicy(policy, delays))
				.build();
			String payoutId = this.server.payouts().seedOpen();
			for (int i = 0; i < 5; i++) {
				this.server.enqueue(Fault.gatewayCode(11001));
			}
			assertThat(template.cancelPayout(payoutId).code()).isZero();
			assertThat(delays).containsExactly(5L, 10L, 20L, 40L, 40L);
			assertThat(this.server.requests()).hasSize(6);
			assertThat(this.server.requests()).extracting(MockTokenPayRequest::code)
				.containsExactly(11001, 11001, 11001, 11001, 11001, 0);
		}
	}

	@Test
	void readTimeoutAfterGatewayClosedPayoutThenNotOpenRejectionIsOutcomeUnknown() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.read-timeout=300ms",
				"tokenpay.retry.initial-delay=2s", "tokenpay.retry.max-delay=2s")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.delay(Duration.ofMillis(600)));
			assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(TokenPayTimeoutException.class))
				.satisfies((ex) -> assertThat(ex.getRejection().getCode()).isEqualTo(20005))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue())
				.satisfies((ex) -> assertThat(ex.getMessage()).contains(payoutId));
			assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
			assertThat(this.server.requests()).extracting(MockTokenPayRequest::code).containsExactly(0, 20005);
			TestObservationRegistryAssert.assertThat(client.observations())
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("attempts", "2")
				.hasLowCardinalityKeyValue("code", "20005");
		}
	}

	@Test
	void notOpenRejectionAfterOnlyKnownOutcomesIsAPlainApiException() {
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server)) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.enqueue(Fault.gatewayCode(11001));
			this.server.payouts().seed(payoutId, PayoutState.CLOSED);
			assertThatExceptionOfType(TokenPayApiException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20005));
			assertThat(this.server.requests()).extracting(MockTokenPayRequest::code).containsExactly(11001, 20005);
		}
	}

	@Test
	void deadlineBoundsAllAttemptsAndWaits() {
		Duration deadline = Duration.ofSeconds(3);
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.connect-timeout=500ms",
				"tokenpay.read-timeout=500ms", "tokenpay.retry.max-attempts=10", "tokenpay.retry.initial-delay=300ms",
				"tokenpay.retry.multiplier=1", "tokenpay.retry.deadline=" + deadline.toMillis() + "ms")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.faults().injectForPayout(payoutId, Fault.delay(Duration.ofSeconds(3)));
			long start = System.nanoTime();
			assertThatExceptionOfType(TokenPayTimeoutException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId))
				.satisfies((ex) -> assertThat(ex.getSuppressed().length + 1).isBetween(1, 9));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plusSeconds(5));
		}
	}

	@Test
	void retriesStopWithinDeadlineWhenEveryAttemptFailsFast() {
		Duration deadline = Duration.ofSeconds(2);
		try (TestTokenPayClient client = TestTokenPayClient.create(this.server, "tokenpay.connect-timeout=500ms",
				"tokenpay.read-timeout=500ms", "tokenpay.retry.max-attempts=10", "tokenpay.retry.initial-delay=400ms",
				"tokenpay.retry.multiplier=1", "tokenpay.retry.max-delay=400ms",
				"tokenpay.retry.deadline=" + deadline.toMillis() + "ms")) {
			String payoutId = this.server.payouts().seedOpen();
			this.server.faults().injectForPayout(payoutId, Fault.httpStatus(503));
			long start = System.nanoTime();
			assertThatExceptionOfType(TokenPayInvalidResponseException.class)
				.isThrownBy(() -> client.template().cancelPayout(payoutId));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plusSeconds(5));
			assertThat(this.server.requests().size()).isBetween(1, 9);
		}
	}

	private static void assertFreshlySigned(List<MockTokenPayRequest> requests) {
		List<String> authorizations = requests.stream().map((request) -> request.header("Authorization")).toList();
		assertThat(authorizations).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(authorizations).extracting((value) -> field(value, "nonce_str")).doesNotHaveDuplicates();
		assertThat(authorizations).extracting((value) -> field(value, "signature")).doesNotHaveDuplicates();
		assertThat(requests).noneSatisfy((request) -> assertThat(request.code()).isIn(103, 104));
	}

	private static String field(String authorization, String name) {
		for (String part : authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
			if (part.startsWith(name + "=")) {
				return part.substring(name.length() + 1);
			}
		}
		throw new AssertionError("No " + name + " in the Authorization header");
	}

	/**
	 * A retry policy that records the back-off delays it hands out.
	 */
	private record RecordingRetryPolicy(RetryPolicy policy, List<Long> delays) implements RetryPolicy {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return this.policy.shouldRetry(throwable);
		}

		@Override
		public Duration getTimeout() {
			return this.policy.getTimeout();
		}

		@Override
		public BackOff getBackOff() {
			BackOff backOff = this.policy.getBackOff();
			return () -> {
				BackOffExecution execution = backOff.start();
				return () -> {
					long delay = execution.nextBackOff();
					this.delays.add(delay);
					return delay;
				};
			};
		}

	}

}
