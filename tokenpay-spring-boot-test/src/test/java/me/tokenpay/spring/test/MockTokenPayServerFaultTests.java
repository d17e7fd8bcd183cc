package me.tokenpay.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayErrorCategory;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Fault faults} of {@link MockTokenPayServer}, seen through a real
 * {@link TokenPayTemplate}.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerFaultTests {

	private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

	private MockTokenPayServer server;

	private TokenPayTemplate template;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start();
		this.template = TokenPayTemplates.template(this.server);
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void delayBeyondReadTimeoutTimesOut() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.delay(Duration.ofSeconds(3)));
		assertThatExceptionOfType(TokenPayTimeoutException.class)
			.isThrownBy(() -> TokenPayTemplates.template(this.server, SHORT_READ_TIMEOUT).cancelPayout(payoutId));
	}

	@Test
	void delayWithinReadTimeoutSucceeds() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.delay(Duration.ofMillis(50)));
		assertThat(this.template.cancelPayout(payoutId).code()).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
		assertThat(this.server.lastRequest().fault()).isNotNull()
			.extracting(Fault::getKind)
			.isEqualTo(Fault.Kind.DELAY);
	}

	@Test
	void httpStatusIsNonJsonResponse() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.httpStatus(503));
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(503);
				assertThat(ex.getContentType()).startsWith("text/plain");
			});
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void gatewayCodeIsApiException() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.gatewayCode(11001));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> this.template.cancelPayout(payoutId))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(11001);
				assertThat(ex.getCategory()).isEqualTo(TokenPayErrorCategory.RETRYABLE);
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getRequestId()).isNotBlank();
			});
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void htmlErrorPageIsNonJsonResponse() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.htmlErrorPage());
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getContentType()).startsWith("text/html");
			});
	}

	@Test
	void truncatedJsonIsMalformedResponse() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.truncatedJson());
		assertThatExceptionOfType(TokenPayMalformedResponseException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId));
	}

	@Test
	void emptyBodyIsEmptyResponse() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.emptyBody());
		assertThatExceptionOfType(TokenPayEmptyResponseException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId));
	}

	@Test
	void oversizedBodyIsResponseTooLarge() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.oversizedBody(2 * 1024 * 1024));
		assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId))
			.satisfies((ex) -> assertThat(ex.getMaxSize()).isEqualTo(1024 * 1024));
	}

	@Test
	void oversizedBodyHasRequestedSize() {
		this.server.enqueue(Fault.oversizedBody(4096));
		RawTokenPayClient.Response response = new RawTokenPayClient(this.server, Clock.systemUTC())
			.cancel(this.server.payouts().seedOpen());
		assertThat(response.body()).hasSize(4096);
		assertThat(response.code()).isZero();
	}

	@Test
	void oversizedBodyMustBeMoreThan64Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.oversizedBody(64));
	}

	@Test
	void wrongSignatureIsSignatureFailure() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.wrongSignature());
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId));
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void missingSignatureHeadersIsSignatureFailureWhenSignatureRequired() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.missingSignatureHeaders());
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId))
			.withMessageContaining("not signed");
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void missingSignatureHeadersIsAcceptedWhenSignatureOptional() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.missingSignatureHeaders());
		CancelPayoutResponse response = TokenPayTemplates.template(this.server, ResponseSignatureMode.IF_PRESENT)
			.cancelPayout(payoutId);
		assertThat(response.code()).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void connectionResetIsTransportFailure() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.connectionReset());
		assertThatExceptionOfType(TokenPayTransportException.class)
			.isThrownBy(() -> this.template.cancelPayout(payoutId))
			.isNotInstanceOf(TokenPayTimeoutException.class);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
		assertThat(this.server.lastRequest().verdict()).contains("connection dropped");
	}

	@Test
	void slowBodyWithinReadTimeoutSucceeds() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.slowBody(Duration.ofMillis(1)));
		assertThat(this.template.cancelPayout(payoutId).code()).isZero();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
		assertThat(this.server.lastRequest().fault()).extracting(Fault::getKind).isEqualTo(Fault.Kind.SLOW_BODY);
	}

	@Test
	void slowBodyBeyondReadTimeoutTimesOut() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.slowBody(Duration.ofSeconds(1)));
		assertThatExceptionOfType(TokenPayTimeoutException.class).isThrownBy(
				() -> TokenPayTemplates.urlConnectionTemplate(this.server, SHORT_READ_TIMEOUT).cancelPayout(payoutId));
	}

	@Test
	void slowBodyBeyondReadTimeoutFailsWithJdkHttpClient() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.enqueue(Fault.slowBody(Duration.ofSeconds(1)));
		assertThatExceptionOfType(TokenPayTransportException.class)
			.isThrownBy(() -> TokenPayTemplates.template(this.server, SHORT_READ_TIMEOUT).cancelPayout(payoutId));
	}

	@Test
	void faultsQueueInOrder() {
		this.server.enqueue(Fault.gatewayCode(11000)).enqueue(Fault.gatewayCode(11001)).enqueue(Fault.emptyBody());
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isEqualTo(11000);
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isEqualTo(11001);
		String third = this.server.payouts().seedOpen();
		assertThatExceptionOfType(TokenPayEmptyResponseException.class)
			.isThrownBy(() -> this.template.cancelPayout(third));
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isZero();
	}

	@Test
	void payoutFaultHitsOnlyThatPayoutEveryTime() {
		String faulty = this.server.payouts().seedOpen();
		String healthy = this.server.payouts().seedOpen();
		this.server.faults().injectForPayout(faulty, Fault.gatewayCode(11000));
		assertThat(codeOfCancel(faulty)).isEqualTo(11000);
		assertThat(codeOfCancel(faulty)).isEqualTo(11000);
		assertThat(codeOfCancel(healthy)).isZero();
		assertThat(this.server.payouts().state(faulty)).isEqualTo(PayoutState.PENDING);
		assertThat(this.server.payouts().state(healthy)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void payoutFaultTakesPrecedenceOverQueuedFault() {
		String faulty = this.server.payouts().seedOpen();
		this.server.faults().injectForPayout(faulty, Fault.gatewayCode(20004)).enqueue(Fault.gatewayCode(11000));
		assertThat(codeOfCancel(faulty)).isEqualTo(20004);
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isEqualTo(11000);
	}

	@Test
	void randomFaultsAreReproducibleForSeed() {
		List<Integer> first = randomOutcomes(42);
		this.server.reset();
		List<Integer> second = randomOutcomes(42);
		assertThat(first).isEqualTo(second).contains(0, 11000, 20004);
		this.server.reset();
		assertThat(randomOutcomes(43)).isNotEqualTo(first);
	}

	@Test
	void randomFaultsAtRateZeroNeverHit() {
		this.server.faults().injectRandomly(0, 42, Fault.gatewayCode(11000));
		for (int i = 0; i < 10; i++) {
			assertThat(codeOfCancel(this.server.payouts().seedOpen())).isZero();
		}
	}

	@Test
	void clearFaultsStopsEveryKindOfFault() {
		String payoutId = this.server.payouts().seedOpen();
		this.server.faults()
			.enqueue(Fault.gatewayCode(11000))
			.injectForPayout(payoutId, Fault.gatewayCode(11001))
			.injectRandomly(1, 42, Fault.gatewayCode(20004));
		this.server.faults().clear();
		assertThat(codeOfCancel(payoutId)).isZero();
		assertThat(codeOfCancel(this.server.payouts().seedOpen())).isZero();
		assertThat(this.server.requests()).allSatisfy((request) -> assertThat(request.fault()).isNull());
	}

	private List<Integer> randomOutcomes(long seed) {
		this.server.faults().injectRandomly(0.5, seed, Fault.gatewayCode(11000), Fault.gatewayCode(20004));
		List<Integer> outcomes = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			outcomes.add(codeOfCancel(this.server.payouts().seedOpen()));
		}
		return outcomes;
	}

	private int codeOfCancel(String payoutId) {
		try {
			return this.template.cancelPayout(payoutId).code();
		}
		catch (TokenPayApiException ex) {
			return ex.getCode();
		}
		catch (TokenPayException ex) {
			throw new AssertionError("Expected an answer with a code", ex);
		}
	}

}
