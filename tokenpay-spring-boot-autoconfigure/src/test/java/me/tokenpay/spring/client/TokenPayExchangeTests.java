package me.tokenpay.spring.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEndpointNotFoundException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.OTHER_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.PAYOUT_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.signed;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TokenPayExchange}, the one pipeline every operation runs through: how
 * it takes and returns rate-limit permits across attempts, what its final failures say,
 * and what it keeps of the failures it explains.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayExchangeTests {

	private static final OperationRequest NO_PARAMETERS = OperationRequest.about(null).build();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void optionsRefuseValuesThatCannotWork() {
		TokenPayExchange.Options defaults = TokenPayExchange.Options.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRetryPolicy(null))
			.withMessage("Retry policy must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMerchant(" "))
			.withMessage("Merchant must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withReadTimeout(Duration.ZERO))
			.withMessage("Read timeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withObservationRegistry(null))
			.withMessage("Observation registry must not be null");
		assertThat(defaults.withReadTimeout(Duration.ofNanos(1)).readTimeout()).isEqualTo(Duration.ofNanos(1));
		assertThat(defaults.withReadTimeout(Duration.ofNanos(1)).withReadTimeout(null)).isEqualTo(defaults);
	}

	@Test
	void anExchangeNeedsEveryPart() {
		TokenPayCredentials credentials = TokenPayTestServer.credentials();
		TokenPayClientSettings settings = TokenPayClientSettings.defaults(TokenPayTestServer.baseUrl(this.server));
		RestClient client = RestClient.create();
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(credentials);
		ResponseVerifier verifier = verifier();
		TokenPayExchange.Options options = TokenPayExchange.Options.defaults();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(null, settings, credentials, signer, verifier, options))
			.withMessage("RestClient must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(client, null, credentials, signer, verifier, options))
			.withMessage("Settings must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(client, settings, null, signer, verifier, options))
			.withMessage("Credentials must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(client, settings, credentials, null, verifier, options))
			.withMessage("Signer must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(client, settings, credentials, signer, null, options))
			.withMessage("Verifier must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayExchange(client, settings, credentials, signer, verifier, null))
			.withMessage("Options must not be null");
	}

	@Test
	void aRetryWaitsForAPermitAsLongAsTheRetryTimeoutLeaves() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server)
			.mutate()
			.rateLimiter(new LocalTokenPayRateLimiter(1, Duration.ofMillis(20), Duration.ZERO))
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(1))
				.timeout(Duration.ofMinutes(5))
				.build())
			.build();
		this.server.enqueue(json(200, envelope(11001, "Too many requests")));
		this.server.enqueue(success());
		template.cancelPayout(PAYOUT_ID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aFirstAttemptWaitsOnlyTheLimitersMaxWait() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofMinutes(1), Duration.ZERO);
		limiter.acquire(TokenPayTestServer.APP_ID).release();
		TokenPayTemplate template = TokenPayTestServer.template(this.server)
			.mutate()
			.rateLimiter(limiter)
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(1))
				.timeout(Duration.ofHours(1))
				.build())
			.build();
		assertThatExceptionOfType(TokenPayRateLimitException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aPermitIsReturnedWhenNoConnectionCouldBeOpened() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
		}
		TokenPayTemplate template = template(closed).mutate()
			.rateLimiter(new LocalTokenPayRateLimiter(1, Duration.ofMillis(1), Duration.ofSeconds(5)))
			.build();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(TokenPayTransportException.class)
				.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
				.satisfies((ex) -> assertThat(ex.isRequestSent()).isFalse());
		}
	}

	@Test
	void hintsNameTheMerchantsOwnProperties() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(json(200, envelope(20000, "app_id not found")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.withMessageContaining("check tokenpay.app-id");
		TokenPayTemplate eu = template.mutate().merchant("eu").build();
		this.server.enqueue(json(200, envelope(20000, "app_id not found")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> eu.cancelPayout(PAYOUT_ID))
			.withMessageContaining("check tokenpay.merchants.eu.app-id");
	}

	@Test
	void aDecoderFailureIsNamedByItsMessageOrElseItsType() {
		TokenPayExchange exchange = exchange(TokenPayTestServer.baseUrl(this.server));
		this.server.enqueue(success());
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> exchange.call(operation((envelope) -> {
				throw new ArithmeticException();
			}), NO_PARAMETERS))
			.withMessageContaining("'data' could not be read as the result of probe: ArithmeticException");
		this.server.enqueue(success());
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> exchange.call(operation((envelope) -> {
				throw new ArithmeticException("BigInteger would overflow");
			}), NO_PARAMETERS))
			.withMessageContaining("probe: BigInteger would overflow");
	}

	@Test
	void aResultThatCannotBeCheckedAgainstItsRequestIsAProgrammingError() {
		TokenPayExchange exchange = exchange(TokenPayTestServer.baseUrl(this.server));
		this.server.enqueue(success());
		OperationRequest bound = OperationRequest.about("order-1").bound(AnswerField.OUT_TRADE_NO, "order-1").build();
		assertThatIllegalStateException().isThrownBy(() -> exchange.call(operation((envelope) -> "text"), bound))
			.withMessage("probe expects fields of its answer but its result java.lang.String is no AnswerSubject");
	}

	@Test
	void anEndpointNotFoundKeepsWhatCouldNotBeReadAsSuppressed() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(new MockResponse.Builder().code(404)
			.setHeader("Content-Type", "text/html")
			.body("<html>Not Found</html>")
			.build());
		assertThatExceptionOfType(TokenPayEndpointNotFoundException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.isInstanceOf(TokenPayInvalidResponseException.class));
	}

	@Test
	void anAuthenticationRejectionThatDoesNotVerifyKeepsTheSignatureFailure() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server);
		this.server.enqueue(signed(OTHER_SECRET, envelope(103, "Signature verification failed")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.withMessageContaining("tokenpay.app-secret is probably wrong")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.isInstanceOf(TokenPaySignatureException.class));
	}

	@Test
	void anUnknownEarlierAttemptLeavesTheCallUnknownAndIsNamedInIt() {
		TokenPayTemplate template = TokenPayTestServer.template(this.server)
			.mutate()
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(1)).build())
			.build();
		this.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.server.enqueue(json(200, envelope(11001, "Too many requests")));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.withMessageStartingWith("An earlier attempt of cancel-payout for " + PAYOUT_ID + " may have been applied")
			.withMessageContaining("the last attempt failed with TokenPayApiException code 11001")
			.satisfies((ex) -> {
				assertThat(ex.getCause()).isInstanceOf(TokenPayTransportException.class);
				assertThat(ex.getLastFailure().getSuppressed()).singleElement().isSameAs(ex.getCause());
			});
	}

	private TokenPayExchange exchange(URI baseUrl) {
		TokenPayCredentials credentials = TokenPayTestServer.credentials();
		return new TokenPayExchange(RestClient.create(), TokenPayClientSettings.defaults(baseUrl), credentials,
				new TtpayAuthorizationSigner(credentials), verifier(), TokenPayExchange.Options.defaults());
	}

	private static TokenPayTemplate template(URI baseUrl) {
		return TokenPayTemplate.builder()
			.settings(TokenPayClientSettings.defaults(baseUrl))
			.credentials(TokenPayTestServer.credentials())
			.build();
	}

	private static ResponseVerifier verifier() {
		return new ResponseVerifier(new SignatureCipher(APP_SECRET), ResponseSignatureMode.IF_PRESENT,
				Duration.ofMinutes(5), Clock.systemUTC());
	}

	private static OperationDescriptor<String> operation(DataDecoder<String> decoder) {
		return OperationDescriptor.post("probe", "/v1/probe", Idempotency.SAFE, decoder);
	}

}
