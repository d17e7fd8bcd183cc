package me.tokenpay.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.LenientFields;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.OTHER_SECRET;
import static me.tokenpay.spring.client.TokenPayTestServer.PAYOUT_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.REQUEST_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.assertCorrectlySigned;
import static me.tokenpay.spring.client.TokenPayTestServer.baseUrl;
import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.signed;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static me.tokenpay.spring.client.TokenPayTestServer.takeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TokenPayTemplate#builder()} and
 * {@link TokenPayTemplate#execute(OperationDescriptor, OperationRequest)}: a template
 * needs only its settings and credentials, its copies change only what they say, and an
 * operation declared by its caller runs through the whole pipeline.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayTemplateBuilderTests {

	private static final OperationDescriptor<String> QUERY_WALLET = OperationDescriptor.post("query-wallet",
			"/v1/wallet/query", Idempotency.SAFE,
			(envelope) -> LenientFields.text(Objects.requireNonNull(envelope.data()), "wallet_address"));

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void settingsAndCredentialsAreRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenPayTemplate.builder().credentials(TokenPayTestServer.credentials()).build())
			.withMessageContaining("Settings must be set");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenPayTemplate.builder()
				.settings(TokenPayClientSettings.defaults(baseUrl(this.server)))
				.build())
			.withMessageContaining("Credentials must be set");
	}

	@Test
	void aTemplateOfSettingsAndCredentialsSignsAndVerifiesWithItsSecret() throws Exception {
		TokenPayTemplate template = minimal().build();
		this.server.enqueue(signed(APP_SECRET, envelope(0, "success")));
		template.cancelPayout(PAYOUT_ID);
		assertCorrectlySigned(takeRequest(this.server), "/v1/payanother/close");
		this.server.enqueue(signed(OTHER_SECRET, envelope(0, "success")));
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID));
	}

	@Test
	void aMutatedCopyChangesOnlyWhatItSays() {
		TokenPayTemplate template = minimal().build();
		TokenPayTemplate eu = template.mutate().merchant("eu").build();
		this.server.enqueue(json(200, envelope(20000, "app_id not found")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> eu.cancelPayout(PAYOUT_ID))
			.withMessageContaining("tokenpay.merchants.eu.app-id");
		this.server.enqueue(json(200, envelope(20000, "app_id not found")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.withMessageContaining("check tokenpay.app-id");
	}

	@Test
	@SuppressWarnings("removal")
	void theDeprecatedSettersStillConfigureTheTemplate() {
		TokenPayTemplate template = minimal().build();
		template.setMerchant("eu");
		this.server.enqueue(json(200, envelope(20000, "app_id not found")));
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template.cancelPayout(PAYOUT_ID))
			.withMessageContaining("tokenpay.merchants.eu.app-id");
	}

	@Test
	void aDeclaredOperationIsSignedLimitedObservedVerifiedAndBound() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		TokenPayTemplate template = minimal().observationRegistry(registry)
			.rateLimiter(new LocalTokenPayRateLimiter(1, Duration.ofMinutes(1), Duration.ZERO))
			.build();
		this.server.enqueue(signed(APP_SECRET, answer("TQjxEW2Z3p9wjo")));
		OperationRequest request = OperationRequest.about("TQjxEW2Z3p9wjo")
			.parameter("wallet_address", "TQjxEW2Z3p9wjo")
			.parameter("chain", "TRON")
			.build();
		assertThat(template.execute(QUERY_WALLET, request)).isEqualTo("TQjxEW2Z3p9wjo");
		RecordedRequest sent = takeRequest(this.server);
		assertThat(sent.getBody().utf8()).isEqualTo("{\"app_id\":\"" + TokenPayTestServer.APP_ID + "\",\"mch_id\":\""
				+ TokenPayTestServer.MCH_ID + "\",\"wallet_address\":\"TQjxEW2Z3p9wjo\",\"chain\":\"TRON\"}");
		assertCorrectlySigned(sent, "/v1/wallet/query");
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "query-wallet")
			.hasHighCardinalityKeyValue("tokenpay.request.id", REQUEST_ID);
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> template.execute(QUERY_WALLET, request));
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void aDeclaredOperationsAnswerIsVerifiedLikeEveryOther() {
		TokenPayTemplate template = minimal()
			.verifier(new ResponseVerifier(new SignatureCipher(APP_SECRET), ResponseSignatureMode.REQUIRED,
					Duration.ofMinutes(5), Clock.systemUTC()))
			.build();
		this.server.enqueue(success());
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> template.execute(QUERY_WALLET, OperationRequest.about(null).build()));
	}

	private TokenPayTemplate.Builder minimal() {
		return TokenPayTemplate.builder()
			.settings(TokenPayClientSettings.defaults(baseUrl(this.server)))
			.credentials(TokenPayTestServer.credentials());
	}

	private static String answer(String address) {
		return "{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID + "\",\"data\":{\"wallet_address\":\""
				+ address + "\",\"chain\":\"TRON\"}}";
	}

}
