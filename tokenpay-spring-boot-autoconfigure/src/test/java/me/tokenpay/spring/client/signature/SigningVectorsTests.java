package me.tokenpay.spring.client.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Reproduces the independently produced vectors in {@code signing-vectors.json}.
 *
 * @author TokenPay Spring Boot team
 */
class SigningVectorsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonNode vectors = load();

	@Test
	void vectorFileHasRequestAndResponseVectors() {
		assertThat(vectors.get("requests").size()).isEqualTo(9);
		assertThat(vectors.get("responses").size()).isEqualTo(2);
	}

	@ParameterizedTest
	@MethodSource("requestVectors")
	void signatureReproducesRequestVector(JsonNode vector) {
		TtpayAuthorizationSigner signer = signerFor(vector);
		String signature = signer.signature(text(vector, "path"), text(vector, "timestamp"), text(vector, "nonce"),
				bytes(vector, "body"));
		assertThat(signature).isEqualTo(text(vector, "signature"));
	}

	@ParameterizedTest
	@MethodSource("requestVectors")
	void signReproducesRequestVectorAuthorizationHeader(JsonNode vector) {
		TtpayAuthorizationSigner signer = signerFor(vector);
		String authorization = signer.sign(HttpMethod.valueOf(text(vector, "method")), text(vector, "path"),
				bytes(vector, "body"));
		assertThat(authorization).isEqualTo(text(vector, "authorization"));
	}

	@ParameterizedTest
	@MethodSource("requestVectors")
	void requestVectorSignatureOpensToDocumentedPlaintext(JsonNode vector) {
		SignatureCipher cipher = new SignatureCipher(text(vector, "app_secret"));
		String plaintext = text(vector, "path") + "\n" + text(vector, "timestamp") + "\n" + text(vector, "nonce") + "\n"
				+ text(vector, "body");
		assertThat(new String(cipher.open(text(vector, "signature")), StandardCharsets.UTF_8)).isEqualTo(plaintext);
	}

	@ParameterizedTest
	@MethodSource("responseVectors")
	void verifierAcceptsResponseVector(JsonNode vector) {
		ResponseVerifier verifier = verifierFor(vector);
		byte[] body = bytes(vector, "body");
		assertThatNoException()
			.isThrownBy(() -> verifier.verify(headers(vector), body, mapper.readTree(body), "request-id"));
	}

	@ParameterizedTest
	@MethodSource("responseVectors")
	void verifierRejectsResponseVectorWithAlteredBody(JsonNode vector) {
		ResponseVerifier verifier = verifierFor(vector);
		byte[] body = text(vector, "body").replace("\"msg\":\"", "\"msg\":\"x").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> verifier.verify(headers(vector), body, mapper.readTree(body), "request-id"));
	}

	static List<Arguments> requestVectors() {
		return arguments(vectors.get("requests"));
	}

	static List<Arguments> responseVectors() {
		return arguments(vectors.get("responses"));
	}

	private static List<Arguments> arguments(JsonNode array) {
		List<Arguments> arguments = new ArrayList<>();
		for (JsonNode vector : array) {
			arguments.add(Arguments.argumentSet(text(vector, "name"), vector));
		}
		return arguments;
	}

	private static TtpayAuthorizationSigner signerFor(JsonNode vector) {
		TokenPayCredentials credentials = new TokenPayCredentials(text(vector, "app_id"), text(vector, "mch_id"),
				text(vector, "app_secret"));
		String timestamp = text(vector, "timestamp");
		TimestampUnit unit = (timestamp.length() == 13) ? TimestampUnit.MILLISECONDS : TimestampUnit.SECONDS;
		Clock clock = Clock.fixed(instant(timestamp), ZoneOffset.UTC);
		String nonce = text(vector, "nonce");
		return new TtpayAuthorizationSigner(credentials, clock, unit, () -> nonce);
	}

	private static ResponseVerifier verifierFor(JsonNode vector) {
		Instant signedAt = instant(headers(vector).getFirst(ResponseVerifier.TIMESTAMP_HEADER));
		Clock clock = Clock.fixed(signedAt.plusSeconds(20), ZoneOffset.UTC);
		return new ResponseVerifier(new SignatureCipher(text(vector, "app_secret")), ResponseSignatureMode.REQUIRED,
				Duration.ofMinutes(1), clock);
	}

	private static HttpHeaders headers(JsonNode vector) {
		HttpHeaders headers = new HttpHeaders();
		vector.get("headers")
			.properties()
			.forEach((entry) -> headers.add(entry.getKey(), entry.getValue().stringValue()));
		return headers;
	}

	private static Instant instant(String timestamp) {
		long value = Long.parseLong(timestamp);
		return (timestamp.length() == 13) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}

	private static String text(JsonNode vector, String name) {
		return vector.get(name).stringValue();
	}

	private static byte[] bytes(JsonNode vector, String name) {
		return text(vector, name).getBytes(StandardCharsets.UTF_8);
	}

	private static JsonNode load() {
		try (InputStream stream = SigningVectorsTests.class.getResourceAsStream("signing-vectors.json")) {
			assertThat(stream).as("signing-vectors.json on the test class path").isNotNull();
			return mapper.readTree(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
