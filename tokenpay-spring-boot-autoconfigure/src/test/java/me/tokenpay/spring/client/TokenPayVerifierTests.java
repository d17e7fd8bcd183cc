package me.tokenpay.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.verification.TokenPayVerification;
import me.tokenpay.spring.client.verification.TokenPayVerification.Verdict;
import me.tokenpay.spring.client.verification.TokenPayVerifier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static me.tokenpay.spring.client.TokenPayTestServer.envelope;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayVerifier}: each answer to the probe is told apart and names
 * the property to fix, of the flat merchant or of a named one.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayVerifierTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final TokenPayVerifier verifier = new TokenPayVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

	@ParameterizedTest
	@CsvSource({ "12002, OK, , default", "103, WRONG_SECRET, tokenpay.app-secret, default",
			"103, WRONG_SECRET, tokenpay.merchants.eu.app-secret, eu",
			"104, CLOCK_SKEW, tokenpay.signature.timestamp-unit, eu", "20000, WRONG_APP_ID, tokenpay.app-id, default",
			"20001, WRONG_APP_ID, tokenpay.merchants.eu.app-id, eu", "11000, UNEXPECTED, , default" })
	void eachGatewayCodeIsToldApart(int code, Verdict verdict, String property, String merchant) {
		this.server.enqueue(json(200, envelope(code, "refused")));
		TokenPayVerification verification = verify(merchant(merchant, null), TokenPayTestServer.template(this.server));
		assertThat(verification.verdict()).isEqualTo(verdict);
		assertThat(verification.property()).isEqualTo(property);
		assertThat(verification.merchant()).isEqualTo(merchant);
		assertThat(verification.code()).isEqualTo(code);
		assertThat(verification.checkedAt()).isEqualTo(NOW);
		assertThat(verification.isOk()).isEqualTo(verdict == Verdict.OK);
		if (property != null) {
			assertThat(verification.description()).contains(property);
		}
	}

	@Test
	void theProbeIsASignedQueryOfAnOrderThatCannotExist() throws InterruptedException {
		this.server.enqueue(json(200, envelope(12002, "Data is absence")));
		verify(merchant("default", null), TokenPayTestServer.template(this.server));
		String body = TokenPayTestServer.takeRequest(this.server).getBody().utf8();
		assertThat(body).matches(".*\"out_trade_no\":\"" + TokenPayVerifier.PROBE_PREFIX + "[0-9a-f]{16}\".*");
	}

	@Test
	void aNotFoundPageNamesTheMerchantsOwnBaseUrl() {
		this.server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
		TokenPayVerification verification = verify(merchant("eu", URI.create("http://127.0.0.1:1")),
				TokenPayTestServer.template(this.server));
		assertThat(verification.verdict()).isEqualTo(Verdict.ENDPOINT_NOT_FOUND);
		assertThat(verification.property()).isEqualTo("tokenpay.merchants.eu.base-url");
		assertThat(verification.code()).isNull();
	}

	@Test
	void anAnswerAboutAnotherOrderIsUnexpected() {
		this.server.enqueue(json(200, "{\"code\":0,\"msg\":\"success\",\"request_id\":\"r\",\"data\":{\"out_trade_no\":"
				+ "\"someone-else\",\"transaction_id\":\"t\"}}"));
		TokenPayVerification verification = verify(merchant("default", null), TokenPayTestServer.template(this.server));
		assertThat(verification.verdict()).isEqualTo(Verdict.UNEXPECTED);
		assertThat(verification.property()).isNull();
	}

	@Test
	void noPermitMeansNotChecked() {
		LocalTokenPayRateLimiter limiter = new LocalTokenPayRateLimiter(1, Duration.ofHours(1), Duration.ZERO);
		limiter.acquire(TokenPayTestServer.APP_ID).release();
		TokenPayTemplate template = TokenPayTestServer.template(this.server).mutate().rateLimiter(limiter).build();
		TokenPayVerification verification = verify(merchant("default", null), template);
		assertThat(verification.verdict()).isEqualTo(Verdict.NOT_CHECKED);
		assertThat(verification.isOk()).isFalse();
		assertThat(this.server.getRequestCount()).isZero();
	}

	private TokenPayVerification verify(TokenPayMerchant merchant, TokenPayOperations operations) {
		return this.verifier.verify(merchant, operations);
	}

	private static TokenPayMerchant merchant(String name, URI baseUrl) {
		return new TokenPayMerchant(name, TokenPayTestServer.credentials(), baseUrl);
	}

}
