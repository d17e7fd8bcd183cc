package me.tokenpay.spring.client.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import me.tokenpay.spring.client.TestCredentials;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ResponseVerifier}.
 *
 * @author TokenPay Spring Boot team
 */
class ResponseVerifierTests {

	private static final String APP_SECRET = TestCredentials.APP_SECRET;

	private static final String OTHER_SECRET = TestCredentials.OTHER_SECRET;

	private static final Instant NOW = Instant.parse("2024-11-24T00:00:00Z");

	private static final String NONCE = "c5ac7061fccab6bf3e254dcf98995b8c";

	private static final String REQUEST_ID = "f23ade4a-e5ca-48f4-a4bb-59114ac360ba";

	private static final String BODY = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID
			+ "\",\"data\":{\"payout_id\":\"p-1\",\"state\":\"CLOSED\",\"amount\":\"12.50\"}}";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final SignatureCipher cipher = new SignatureCipher(APP_SECRET);

	@Test
	void offModeAcceptsUnsignedAnswer() {
		assertAccepted(verifier(ResponseSignatureMode.OFF), new HttpHeaders(), BODY);
	}

	@Test
	void offModeAcceptsWronglySignedAnswer() {
		HttpHeaders headers = headers(millis(NOW), NONCE, "bm90IGEgc2lnbmF0dXJl");
		assertAccepted(verifier(ResponseSignatureMode.OFF), headers, BODY);
	}

	@Test
	void ifPresentModeAcceptsUnsignedAnswer() {
		assertAccepted(verifier(ResponseSignatureMode.IF_PRESENT), new HttpHeaders(), BODY);
	}

	@Test
	void requiredModeRejectsUnsignedAnswer() {
		assertRejected(verifier(ResponseSignatureMode.REQUIRED), new HttpHeaders(), BODY);
	}

	@ParameterizedTest
	@EnumSource(value = ResponseSignatureMode.class, names = { "IF_PRESENT", "REQUIRED" })
	void acceptsCorrectlySignedAnswer(ResponseSignatureMode mode) {
		assertAccepted(verifier(mode), signed(millis(NOW), NONCE, BODY), BODY);
	}

	@ParameterizedTest
	@EnumSource(value = ResponseSignatureMode.class, names = { "IF_PRESENT", "REQUIRED" })
	void rejectsWronglySignedAnswer(ResponseSignatureMode mode) {
		HttpHeaders headers = headers(millis(NOW), NONCE, sign(OTHER_SECRET, millis(NOW), NONCE, BODY));
		assertRejected(verifier(mode), headers, BODY);
	}

	@Test
	void matchesHeaderNamesWithoutRegardToCase() {
		String timestamp = millis(NOW);
		HttpHeaders headers = new HttpHeaders();
		headers.add("ttpay-timestamp", timestamp);
		headers.add("TTPAY-NONCE", NONCE);
		headers.add("tTpAy-SiGnAtUrE", sign(APP_SECRET, timestamp, NONCE, BODY));
		assertAccepted(verifier(ResponseSignatureMode.REQUIRED), headers, BODY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "TTPay-Timestamp", "TTPay-Nonce", "TTPay-Signature" })
	void rejectsAnswerCarryingOnlySomeHeaders(String missing) {
		HttpHeaders headers = signed(millis(NOW), NONCE, BODY);
		headers.remove(missing);
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers, BODY);
	}

	@ParameterizedTest
	@ValueSource(longs = { -301, 301, -86400, 86400 })
	void rejectsTimestampBeyondTolerance(long offsetSeconds) {
		String timestamp = millis(NOW.plusSeconds(offsetSeconds));
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), signed(timestamp, NONCE, BODY), BODY);
	}

	@ParameterizedTest
	@ValueSource(longs = { -300, -299, 299, 300, 0 })
	void acceptsTimestampWithinTolerance(long offsetSeconds) {
		String timestamp = millis(NOW.plusSeconds(offsetSeconds));
		assertAccepted(verifier(ResponseSignatureMode.IF_PRESENT), signed(timestamp, NONCE, BODY), BODY);
	}

	@Test
	void acceptsTenDigitTimestampInSeconds() {
		String timestamp = Long.toString(NOW.getEpochSecond() - 10);
		assertAccepted(verifier(ResponseSignatureMode.REQUIRED), signed(timestamp, NONCE, BODY), BODY);
	}

	@Test
	void rejectsTenDigitTimestampInSecondsBeyondTolerance() {
		String timestamp = Long.toString(NOW.getEpochSecond() - 3600);
		assertRejected(verifier(ResponseSignatureMode.REQUIRED), signed(timestamp, NONCE, BODY), BODY);
	}

	@Test
	void acceptsThirteenDigitTimestampInMilliseconds() {
		String timestamp = Long.toString(NOW.toEpochMilli() + 1234);
		assertAccepted(verifier(ResponseSignatureMode.REQUIRED), signed(timestamp, NONCE, BODY), BODY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17324064OO", "1732406400.5", "173240640", "17324064000", "173240640000", "17324064000000",
			"+732406400", "-732406400", "", "1.7324064E9", "１７３２４０６４００" })
	void rejectsTimestampThatIsNotTenOrThirteenDigits(String timestamp) {
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), signed(timestamp, NONCE, BODY), BODY);
	}

	@Test
	void rejectsSignatureThatIsNotBase64() {
		HttpHeaders headers = headers(millis(NOW), NONCE, "!!! not base64 ***");
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers, BODY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "AAAA", "QUJDREVGR0hJSktMTU5PUA" })
	void rejectsSignatureThatIsNotWholeAesBlocks(String signature) {
		HttpHeaders headers = headers(millis(NOW), NONCE, signature);
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers, BODY);
	}

	@Test
	void rejectsSignatureMadeForAnotherTimestamp() {
		String signedTimestamp = millis(NOW);
		String sentTimestamp = millis(NOW.plusSeconds(1));
		HttpHeaders headers = headers(sentTimestamp, NONCE, sign(APP_SECRET, signedTimestamp, NONCE, BODY));
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers, BODY);
	}

	@Test
	void rejectsSignatureMadeForAnotherNonce() {
		String timestamp = millis(NOW);
		HttpHeaders headers = headers(timestamp, NONCE,
				sign(APP_SECRET, timestamp, "d5ac7061fccab6bf3e254dcf98995b8c", BODY));
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers, BODY);
	}

	@Test
	void rejectsSignatureMadeForAnotherBody() {
		String other = BODY.replace("\"code\":0", "\"code\":12002");
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), signed(millis(NOW), NONCE, other), BODY);
	}

	@Test
	void rejectsSignatureMadeForAnotherData() {
		String otherData = "{\"payout_id\":\"p-2\",\"state\":\"CLOSED\",\"amount\":\"12.50\"}";
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), signed(millis(NOW), NONCE, otherData), BODY);
	}

	@Test
	void rejectsSignatureThatDoesNotCoverThreeLines() {
		String timestamp = millis(NOW);
		String signature = this.cipher.sign((timestamp + "\n" + NONCE).getBytes(StandardCharsets.UTF_8));
		assertRejected(verifier(ResponseSignatureMode.IF_PRESENT), headers(timestamp, NONCE, signature), BODY);
	}

	@Test
	void rejectsSignatureOverATimestampLineThatIsEmpty() {
		String timestamp = millis(NOW);
		String signature = this.cipher.sign(("\n" + NONCE + "\n" + BODY).getBytes(StandardCharsets.UTF_8));
		JsonNode envelope = mapper.readTree(BODY);
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> verifier(ResponseSignatureMode.REQUIRED).verify(headers(timestamp, NONCE, signature),
					bytes(BODY), envelope, REQUEST_ID))
			.withMessageContaining("made for another timestamp or nonce");
	}

	@Test
	void rejectsSignatureOverABodyThatIsNoJson() {
		assertRejected(verifier(ResponseSignatureMode.REQUIRED), signed(millis(NOW), NONCE, "{\"code\":0,"), BODY);
	}

	@Test
	void acceptsSignatureOverBodyInAnotherKeyOrder() {
		String reordered = "{\"data\":{\"amount\":\"12.50\",\"state\":\"CLOSED\",\"payout_id\":\"p-1\"},\"request_id\":\""
				+ REQUEST_ID + "\",\"msg\":\"success\",\"code\":0}";
		assertAccepted(verifier(ResponseSignatureMode.REQUIRED), signed(millis(NOW), NONCE, reordered), BODY);
	}

	@Test
	void acceptsSignatureOverDataMemberInAnotherKeyOrder() {
		String data = "{\"state\":\"CLOSED\",\"amount\":\"12.50\",\"payout_id\":\"p-1\"}";
		assertAccepted(verifier(ResponseSignatureMode.REQUIRED), signed(millis(NOW), NONCE, data), BODY);
	}

	@Test
	void rejectsSignatureOverDataWhenBodyHasNoData() {
		String body = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID + "\"}";
		assertRejected(verifier(ResponseSignatureMode.REQUIRED), signed(millis(NOW), NONCE, "null"), body);
	}

	@Test
	void failureCarriesClaimedRequestIdAndNeverTheSecret() {
		HttpHeaders headers = headers(millis(NOW), NONCE, sign(OTHER_SECRET, millis(NOW), NONCE, BODY));
		JsonNode envelope = mapper.readTree(BODY);
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(
					() -> verifier(ResponseSignatureMode.REQUIRED).verify(headers, bytes(BODY), envelope, REQUEST_ID))
			.satisfies((ex) -> {
				assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID);
				assertThat(ex.toString()).doesNotContain(APP_SECRET).doesNotContain(OTHER_SECRET);
			});
	}

	private ResponseVerifier verifier(ResponseSignatureMode mode) {
		return new ResponseVerifier(this.cipher, mode, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static void assertAccepted(ResponseVerifier verifier, HttpHeaders headers, String body) {
		JsonNode envelope = mapper.readTree(body);
		assertThatNoException().isThrownBy(() -> verifier.verify(headers, bytes(body), envelope, REQUEST_ID));
	}

	private static void assertRejected(ResponseVerifier verifier, HttpHeaders headers, String body) {
		JsonNode envelope = mapper.readTree(body);
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> verifier.verify(headers, bytes(body), envelope, REQUEST_ID))
			.withMessageStartingWith("TokenPay answer failed signature verification");
	}

	private static HttpHeaders signed(String timestamp, String nonce, String signedBody) {
		return headers(timestamp, nonce, sign(APP_SECRET, timestamp, nonce, signedBody));
	}

	private static HttpHeaders headers(String timestamp, String nonce, String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(ResponseVerifier.TIMESTAMP_HEADER, timestamp);
		headers.add(ResponseVerifier.NONCE_HEADER, nonce);
		headers.add(ResponseVerifier.SIGNATURE_HEADER, signature);
		return headers;
	}

	private static String sign(String secret, String timestamp, String nonce, String body) {
		return new SignatureCipher(secret).sign(bytes(timestamp + "\n" + nonce + "\n" + body));
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
