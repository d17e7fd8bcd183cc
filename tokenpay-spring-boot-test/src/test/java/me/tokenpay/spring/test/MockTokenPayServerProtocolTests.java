package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.signature.TimestampUnit;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import me.tokenpay.spring.test.RawTokenPayClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static me.tokenpay.spring.test.RawTokenPayClient.CANCEL_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how strictly {@link MockTokenPayServer} speaks TokenPay's protocol, with
 * hand-made requests. Every envelope answered is also checked to be signed.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerProtocolTests {

	private static final Instant NOW = Instant.parse("2026-01-15T09:30:00.123Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private MockTokenPayServer server;

	private RawTokenPayClient client;

	@BeforeEach
	void startServer() {
		this.server = MockTokenPayServer.start().clock(CLOCK);
		this.client = new RawTokenPayClient(this.server, CLOCK);
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void correctRequestClosesPendingPayout() {
		String payoutId = this.server.payouts().seedOpen();
		Response response = this.client.cancel(payoutId);
		assertCode(response, 0);
		assertThat(response.json().get("msg").asString()).isEqualTo("success");
		assertThat(response.json().get("request_id").asString()).isNotBlank();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void missingAuthorizationIsMissingParameter() {
		String payoutId = this.server.payouts().seedOpen();
		assertCode(this.client.post(CANCEL_PATH, null, this.client.body(payoutId)), 11003);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "TTPAY-AES-128-ECB ", "Bearer ", "ttpay-aes-256-ecb " })
	void wrongSchemeIsInvalidSignature(String scheme) {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(CANCEL_PATH, body).replace("TTPAY-AES-256-ECB ", scheme);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 103);
	}

	@Test
	void fieldsOutOfOrderAreParameterError() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String nonce = this.client.nonce();
		String timestamp = this.client.timestamp();
		String authorization = "TTPAY-AES-256-ECB app_id=" + this.server.credentials().appId() + ",mch_id="
				+ this.server.credentials().mchId() + ",timestamp=" + timestamp + ",nonce_str=" + nonce + ",signature="
				+ this.client.signature(nonce, timestamp, CANCEL_PATH, body);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 100);
	}

	@Test
	void unknownFieldIsParameterError() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(CANCEL_PATH, body) + ",version=1";
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 100);
	}

	@Test
	void spacesAfterCommasAreParameterError() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(CANCEL_PATH, body).replace(",", ", ");
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "app_id", "mch_id", "nonce_str", "timestamp", "signature" })
	void missingFieldIsMissingParameter(String field) {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(CANCEL_PATH, body);
		String fields = authorization.substring("TTPAY-AES-256-ECB ".length());
		List<String> kept = new ArrayList<>();
		for (String part : fields.split(",")) {
			if (!part.startsWith(field + "=")) {
				kept.add(part);
			}
		}
		assertThat(kept).hasSize(4);
		Response response = this.client.post(CANCEL_PATH, "TTPAY-AES-256-ECB " + String.join(",", kept), body);
		assertCode(response, 11003);
		assertThat(response.json().get("msg").asString()).endsWith(field);
	}

	@Test
	void emptyFieldIsMissingParameter() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(this.client.nonce(), "", CANCEL_PATH, body);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 11003);
	}

	@Test
	void wrongAppIdIsUnknownApplication() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization("0123456789abcdef0123456789abcdef",
				this.server.credentials().mchId(), this.client.nonce(), this.client.timestamp(), CANCEL_PATH, body);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 20000);
	}

	@Test
	void wrongMchIdIsUnknownApplication() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String authorization = this.client.authorization(this.server.credentials().appId(), "99999999",
				this.client.nonce(), this.client.timestamp(), CANCEL_PATH, body);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 20000);
	}

	@ParameterizedTest
	@ValueSource(longs = { -300_001, 300_001, -3_600_000, 3_600_000 })
	void timestampOutsideWindowIsExpired(long offsetMillis) {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		String timestamp = TimestampUnit.MILLISECONDS.format(NOW.plusMillis(offsetMillis));
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), timestamp, CANCEL_PATH, body), body), 104);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@ParameterizedTest
	@ValueSource(longs = { -300_000, 300_000 })
	void timestampAtEdgeOfWindowIsAccepted(long offsetMillis) {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String timestamp = TimestampUnit.MILLISECONDS.format(NOW.plusMillis(offsetMillis));
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), timestamp, CANCEL_PATH, body), body), 0);
	}

	@Test
	void timestampToleranceCanBeChanged() {
		this.server.timestampTolerance(Duration.ofSeconds(30));
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String timestamp = TimestampUnit.MILLISECONDS.format(NOW.minusSeconds(31));
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), timestamp, CANCEL_PATH, body), body), 104);
	}

	@Test
	void secondsTimestampWhenMillisecondsExpectedIsParameterError() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String timestamp = TimestampUnit.SECONDS.format(NOW);
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), timestamp, CANCEL_PATH, body), body), 100);
	}

	@Test
	void secondsTimestampIsAcceptedWhenServerExpectsSeconds() {
		this.server.timestampUnit(TimestampUnit.SECONDS);
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		String timestamp = TimestampUnit.SECONDS.format(NOW);
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), timestamp, CANCEL_PATH, body), body), 0);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void millisecondsTimestampWhenSecondsExpectedIsParameterError() {
		this.server.timestampUnit(TimestampUnit.SECONDS);
		assertCode(this.client.cancel(this.server.payouts().seedOpen()), 100);
	}

	@Test
	void nonNumericTimestampIsParameterError() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(this.client.nonce(), "17684694001x3", CANCEL_PATH, body), body), 100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "N000000000000000000000000000001", "N0000000000000000000000000000001X",
			"N00000000000000000000000000-0001", "N00000000000000000000000000_0001",
			"N00000000000000000000000000+/001" })
	void malformedNonceIsInvalidSignature(String nonce) {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		assertCode(this.client.post(CANCEL_PATH,
				this.client.authorization(nonce, this.client.timestamp(), CANCEL_PATH, body), body), 103);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void replayedNonceIsInvalidSignature() {
		String first = this.server.payouts().seedOpen();
		String second = this.server.payouts().seedOpen();
		String nonce = this.client.nonce();
		byte[] firstBody = this.client.body(first);
		byte[] secondBody = this.client.body(second);
		assertCode(
				this.client.post(CANCEL_PATH,
						this.client.authorization(nonce, this.client.timestamp(), CANCEL_PATH, firstBody), firstBody),
				0);
		Response replay = this.client.post(CANCEL_PATH,
				this.client.authorization(nonce, this.client.timestamp(), CANCEL_PATH, secondBody), secondBody);
		assertCode(replay, 103);
		assertThat(replay.json().get("msg").asString()).contains("already used");
		assertThat(this.server.payouts().state(second)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void signatureOverReserialisedBodyIsInvalidSignature() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] signed = this.client.body(payoutId);
		byte[] sent = new String(signed, StandardCharsets.UTF_8).replace("\",\"", "\", \"")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(sent).isNotEqualTo(signed);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, signed), sent), 103);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void signatureOverOtherPathIsInvalidSignature() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization("/v1/payout/close", body), body), 103);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void signatureWithOtherSecretIsInvalidSignature() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		TokenPayCredentials otherSecret = new TokenPayCredentials(this.server.credentials().appId(),
				this.server.credentials().mchId(), MockTokenPayServer.generateCredentials().appSecret());
		String authorization = new TtpayAuthorizationSigner(otherSecret, CLOCK, TimestampUnit.MILLISECONDS,
				this.client::nonce)
			.sign(HttpMethod.POST, CANCEL_PATH, body);
		assertCode(this.client.post(CANCEL_PATH, authorization, body), 103);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void bodyThatIsNotJsonIsParameterError() {
		byte[] body = "app_id=x&mch_id=y".getBytes(StandardCharsets.UTF_8);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body), 100);
	}

	@Test
	void bodyThatIsNotJsonObjectIsParameterError() {
		byte[] body = "[\"payout_id\"]".getBytes(StandardCharsets.UTF_8);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body), 100);
	}

	@Test
	void missingPayoutIdIsMissingParameter() {
		byte[] body = ("{\"app_id\":\"" + this.server.credentials().appId() + "\",\"mch_id\":\""
				+ this.server.credentials().mchId() + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		Response response = this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body);
		assertCode(response, 11003);
		assertThat(response.json().get("msg").asString()).endsWith("payout_id");
	}

	@Test
	void numericPayoutIdIsParameterError() {
		byte[] body = ("{\"app_id\":\"" + this.server.credentials().appId() + "\",\"mch_id\":\""
				+ this.server.credentials().mchId() + "\",\"payout_id\":42}")
			.getBytes(StandardCharsets.UTF_8);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body), 100);
	}

	@Test
	void bodyAppIdDifferentFromHeaderIsParameterError() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body("0123456789abcdef0123456789abcdef", this.server.credentials().mchId(),
				"payout_id", payoutId);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body), 100);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void bodyMchIdDifferentFromHeaderIsParameterError() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(this.server.credentials().appId(), "99999999", "payout_id", payoutId);
		assertCode(this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body), 100);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void unknownPayoutIsDataAbsence() {
		Response response = this.client.cancel("0123456789abcdef0123456789abcdef");
		assertCode(response, 12002);
		assertThat(this.server.payouts().state("0123456789abcdef0123456789abcdef")).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = PayoutState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
	void payoutThatCannotBeClosedIsInvalidParameter(PayoutState state) {
		this.server.payouts().seed("p-" + state, state);
		Response response = this.client.cancel("p-" + state);
		assertCode(response, MockTokenPayServer.NOT_CLOSABLE_CODE);
		assertThat(response.json().get("msg").asString()).contains(state.name());
		assertThat(this.server.payouts().state("p-" + state)).isEqualTo(state);
	}

	@Test
	void closingTwiceIsInvalidParameterTheSecondTime() {
		String payoutId = this.server.payouts().seedOpen();
		assertCode(this.client.cancel(payoutId), 0);
		assertCode(this.client.cancel(payoutId), MockTokenPayServer.NOT_CLOSABLE_CODE);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void unknownPathIsNotFound() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		Response response = this.client.post("/v1/payout/close", this.client.authorization("/v1/payout/close", body),
				body);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headers().getFirst("TTPay-Signature")).isNull();
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void queryStringIsPartOfTheSignedPath() {
		byte[] body = this.client.body(this.server.payouts().seedOpen());
		String path = CANCEL_PATH + "?lang=en";
		assertThat(this.client.post(path, this.client.authorization(CANCEL_PATH, body), body).code()).isEqualTo(103);
		assertThat(this.client.post(path, this.client.authorization(path, body), body).code()).isZero();
	}

	@Test
	void getIsMethodNotAllowed() {
		Response response = this.client.send("GET", CANCEL_PATH, this.client.authorization(CANCEL_PATH, new byte[0]),
				new byte[0]);
		assertThat(response.status()).isEqualTo(405);
	}

	@Test
	void putIsMethodNotAllowed() {
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(payoutId);
		Response response = this.client.send("PUT", CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body);
		assertThat(response.status()).isEqualTo(405);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void customCancelPathAndPayoutIdFieldAreHonoured() {
		this.server.operationPath("cancel-payout", "/v1/payout/close").payoutIdField("payanother_id");
		String payoutId = this.server.payouts().seedOpen();
		byte[] body = this.client.body(this.server.credentials().appId(), this.server.credentials().mchId(),
				"payanother_id", payoutId);
		Response atDefaultPath = this.client.post(CANCEL_PATH, this.client.authorization(CANCEL_PATH, body), body);
		assertThat(atDefaultPath.status()).isEqualTo(404);
		assertCode(this.client.post("/v1/payout/close", this.client.authorization("/v1/payout/close", body), body), 0);
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.CLOSED);
	}

	@Test
	void defaultPayoutIdFieldIsMissingWhenCustomFieldIsExpected() {
		this.server.payoutIdField("payanother_id");
		String payoutId = this.server.payouts().seedOpen();
		Response response = this.client.cancel(payoutId);
		assertCode(response, 11003);
		assertThat(response.json().get("msg").asString()).endsWith("payanother_id");
		assertThat(this.server.payouts().state(payoutId)).isEqualTo(PayoutState.PENDING);
	}

	@Test
	void answerToInjectedGatewayCodeIsSigned() {
		this.server.enqueue(Fault.gatewayCode(11000));
		assertCode(this.client.cancel(this.server.payouts().seedOpen()), 11000);
	}

	@Test
	void answerSignedWithOtherSecretFailsVerification() {
		this.server.enqueue(Fault.wrongSignature());
		Response response = this.client.cancel(this.server.payouts().seedOpen());
		assertThat(response.code()).isZero();
		assertThat(response.headers().getFirst("TTPay-Signature")).isNotBlank();
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(response::verify);
	}

	@Test
	void answerWithoutSignatureHeadersFailsVerification() {
		this.server.enqueue(Fault.missingSignatureHeaders());
		Response response = this.client.cancel(this.server.payouts().seedOpen());
		assertThat(response.code()).isZero();
		assertThat(response.headers().getFirst("TTPay-Timestamp")).isNull();
		assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(response::verify);
	}

	private static void assertCode(Response response, int code) {
		assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(200);
		assertThat(response.code()).as("code of %s", response).isEqualTo(code);
		response.verify();
	}

}
