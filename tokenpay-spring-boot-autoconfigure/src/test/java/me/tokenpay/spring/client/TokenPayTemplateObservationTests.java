package me.tokenpay.spring.client;

import java.io.IOException;
import java.net.URI;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.observation.TokenPayClientObservationContext;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.OTHER_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.PAYOUT_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.REQUEST_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.baseUrl;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.signed;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the {@code tokenpay.client.requests} observation of {@link TokenPayTemplate}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayTemplateObservationTests {

	private static final String NAME = "tokenpay.client.requests";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void successIsObservedWithOutcomeSuccessAndCodeZero() {
		this.server.enqueue(success());
		template().cancelPayout(PAYOUT_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("tokenpay cancel-payout")
			.hasLowCardinalityKeyValue("operation", "cancel-payout")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("code", "0")
			.hasHighCardinalityKeyValue("tokenpay.resource.id", PAYOUT_ID)
			.hasHighCardinalityKeyValue("tokenpay.request.id", REQUEST_ID)
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void apiErrorIsObservedWithGatewayCode() {
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template().cancelPayout(PAYOUT_ID));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("operation", "cancel-payout")
			.hasLowCardinalityKeyValue("outcome", "api-error")
			.hasLowCardinalityKeyValue("code", "12002")
			.hasHighCardinalityKeyValue("tokenpay.request.id", REQUEST_ID)
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void transportErrorIsObservedWithoutCode() throws IOException {
		URI baseUrl;
		try (MockWebServer closed = new MockWebServer()) {
			closed.start();
			baseUrl = baseUrl(closed);
		}
		TokenPayTemplate template = TokenPayTestServer.template(RestClient.builder(),
				TokenPayClientSettings.defaults(baseUrl), ResponseSignatureMode.IF_PRESENT, this.registry);
		assertThatExceptionOfType(TokenPayTransportException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "transport-error")
			.hasLowCardinalityKeyValue("code", "none")
			.doesNotHaveHighCardinalityKeyValueWithKey("tokenpay.request.id")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void invalidResponseIsObservedWithoutCode() {
		this.server.enqueue(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html>Bad Gateway</html>")
			.build());
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> template().cancelPayout(PAYOUT_ID));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "invalid-response")
			.hasLowCardinalityKeyValue("code", "none")
			.hasError();
	}

	@Test
	void successCodeOnHttpErrorIsObservedAsInvalidResponseWithCode() {
		this.server.enqueue(json(500, envelope(0, "success")));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template().cancelPayout(PAYOUT_ID));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "invalid-response")
			.hasLowCardinalityKeyValue("code", "0")
			.hasError();
	}

	@Test
	void signatureErrorIsObservedWithoutCode() {
		this.server.enqueue(signed(OTHER_SECRET, envelope(0, "success")));
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> template().cancelPayout(PAYOUT_ID));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "signature-error")
			.hasLowCardinalityKeyValue("code", "none")
			.hasError();
	}

	@Test
	void correctlySignedAnswerIsObservedAsSuccess() {
		this.server.enqueue(signed(APP_SECRET, envelope(0, "success")));
		template().cancelPayout(PAYOUT_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "success");
	}

	@Test
	void rejectedArgumentIsNotObserved() {
		assertThatIllegalArgumentException().isThrownBy(() -> template().cancelPayout(" "));
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void customConventionReplacesDefault() {
		TokenPayTemplate template = template().mutate().observationConvention(new CustomConvention()).build();
		this.server.enqueue(success());
		template.cancelPayout(PAYOUT_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasNumberOfObservationsWithNameEqualTo(NAME, 0)
			.hasObservationWithNameEqualTo("merchant.tokenpay")
			.that()
			.hasLowCardinalityKeyValue("tokenpay.operation", "cancel-payout")
			.hasLowCardinalityKeyValue("tokenpay.outcome", "SUCCESS")
			.doesNotHaveLowCardinalityKeyValueWithKey("outcome")
			.doesNotHaveHighCardinalityKeyValueWithKey("tokenpay.resource.id");
	}

	@Test
	void worksWithNoopRegistry() {
		TokenPayTemplate template = TokenPayTestServer
			.template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl(this.server)),
					ResponseSignatureMode.IF_PRESENT, ObservationRegistry.NOOP)
			.mutate()
			.observationConvention(new CustomConvention())
			.build();
		this.server.enqueue(success());
		this.server.enqueue(json(200, envelope(103, "Invalid signature")));
		assertThat(template.cancelPayout(PAYOUT_ID).code()).isZero();
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(103));
	}

	private TokenPayTemplate template() {
		return TokenPayTestServer.template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl(this.server)),
				ResponseSignatureMode.IF_PRESENT, this.registry);
	}

	static class CustomConvention implements TokenPayClientObservationConvention {

		@Override
		public String getName() {
			return "merchant.tokenpay";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(TokenPayClientObservationContext context) {
			return KeyValues.of("tokenpay.operation", context.getOperation(), "tokenpay.outcome",
					String.valueOf(context.getOutcome()));
		}

	}

}
