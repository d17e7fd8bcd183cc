package me.tokenpay.spring.client.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import me.tokenpay.spring.client.error.TokenPaySignatureException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Verifies the {@code TTPay-Timestamp}, {@code TTPay-Nonce} and {@code TTPay-Signature}
 * headers of an answer (names matched without regard to case). AES-ECB can be reversed
 * with the app secret, so the signature is opened rather than recomputed: its plaintext
 * must be {@code timestamp \n nonce \n json} where the first two lines equal the headers
 * and the JSON equals the body, or the body's {@code data} member, regardless of key
 * order (the gateway has been seen signing a re-serialised {@code data}). Timestamps of
 * 10 (seconds) and 13 (milliseconds) digits are accepted within a tolerance either side
 * of the local clock.
 *
 * @author TokenPay Spring Boot team
 */
public final class ResponseVerifier {

	/**
	 * Header carrying the answer's timestamp.
	 */
	public static final String TIMESTAMP_HEADER = "TTPay-Timestamp";

	/**
	 * Header carrying the answer's nonce.
	 */
	public static final String NONCE_HEADER = "TTPay-Nonce";

	/**
	 * Header carrying the answer's signature.
	 */
	public static final String SIGNATURE_HEADER = "TTPay-Signature";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SignatureCipher cipher;

	private final ResponseSignatureMode mode;

	private final Duration tolerance;

	private final Clock clock;

	/**
	 * Create a verifier.
	 * @param cipher the cipher keyed with the app secret
	 * @param mode how strictly to check
	 * @param tolerance how far the answer's timestamp may be from the local clock, either
	 * way
	 * @param clock the local clock
	 */
	public ResponseVerifier(SignatureCipher cipher, ResponseSignatureMode mode, Duration tolerance, Clock clock) {
		this.cipher = cipher;
		this.mode = mode;
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * Verify an answer.
	 * @param headers the answer's headers
	 * @param body the answer's raw body
	 * @param envelope the body parsed as JSON
	 * @param requestId the request id the answer claims, for the exception
	 * @throws TokenPaySignatureException if the answer fails the check
	 */
	public void verify(HttpHeaders headers, byte[] body, JsonNode envelope, @Nullable String requestId) {
		if (this.mode == ResponseSignatureMode.OFF) {
			return;
		}
		String timestamp = headers.getFirst(TIMESTAMP_HEADER);
		String nonce = headers.getFirst(NONCE_HEADER);
		String signature = headers.getFirst(SIGNATURE_HEADER);
		if (timestamp == null && nonce == null && signature == null) {
			if (this.mode == ResponseSignatureMode.REQUIRED) {
				throw failure("the answer is not signed (no " + SIGNATURE_HEADER
						+ " header) and tokenpay.signature.response-mode is 'required'", requestId, null);
			}
			return;
		}
		if (timestamp == null || nonce == null || signature == null) {
			throw failure("the answer carries only some of the " + TIMESTAMP_HEADER + ", " + NONCE_HEADER + " and "
					+ SIGNATURE_HEADER + " headers", requestId, null);
		}
		checkTimestamp(timestamp, requestId);
		byte[] plaintext;
		try {
			plaintext = this.cipher.open(signature.trim());
		}
		catch (IllegalArgumentException ex) {
			throw failure(ex.getMessage() + "; check tokenpay.app-secret", requestId, ex);
		}
		checkPlaintext(plaintext, timestamp, nonce, body, envelope, requestId);
	}

	private void checkTimestamp(String timestamp, @Nullable String requestId) {
		Instant signedAt = parseTimestamp(timestamp);
		if (signedAt == null) {
			throw failure(TIMESTAMP_HEADER + " is not a 10 or 13 digit epoch timestamp", requestId, null);
		}
		Duration skew = Duration.between(signedAt, this.clock.instant()).abs();
		if (skew.compareTo(this.tolerance) > 0) {
			throw failure(
					"the answer's timestamp is " + skew.toSeconds() + "s away from the local clock, more than " + "the "
							+ this.tolerance.toSeconds() + "s allowed by tokenpay.signature.response-tolerance",
					requestId, null);
		}
	}

	private static @Nullable Instant parseTimestamp(String timestamp) {
		int length = timestamp.length();
		if (length != 10 && length != 13) {
			return null;
		}
		for (int i = 0; i < length; i++) {
			char c = timestamp.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		long value = Long.parseLong(timestamp);
		return (length == 10) ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
	}

	private void checkPlaintext(byte[] plaintext, String timestamp, String nonce, byte[] body, JsonNode envelope,
			@Nullable String requestId) {
		int firstBreak = indexOf(plaintext, 0);
		int secondBreak = (firstBreak < 0) ? -1 : indexOf(plaintext, firstBreak + 1);
		if (secondBreak < 0) {
			throw failure("the signature does not cover a timestamp, a nonce and a body", requestId, null);
		}
		boolean timestampMatches = rangeEquals(plaintext, 0, firstBreak, timestamp.getBytes(StandardCharsets.UTF_8));
		boolean nonceMatches = rangeEquals(plaintext, firstBreak + 1, secondBreak,
				nonce.getBytes(StandardCharsets.UTF_8));
		if (!timestampMatches || !nonceMatches) {
			throw failure("the signature was made for another timestamp or nonce than the answer carries", requestId,
					null);
		}
		int bodyStart = secondBreak + 1;
		if (!rangeEquals(plaintext, bodyStart, plaintext.length, body)
				&& !sameJson(plaintext, bodyStart, plaintext.length - bodyStart, envelope)) {
			throw failure("the signature was made for another body than the answer carries", requestId, null);
		}
	}

	/**
	 * Whether {@code bytes[from, to)} equals {@code expected}, in time that depends only
	 * on the lengths.
	 */
	private static boolean rangeEquals(byte[] bytes, int from, int to, byte[] expected) {
		return MessageDigest.isEqual(Arrays.copyOfRange(bytes, from, to), expected);
	}

	private static boolean sameJson(byte[] plaintext, int offset, int length, JsonNode envelope) {
		JsonNode signed;
		try {
			signed = JSON.readTree(plaintext, offset, length);
		}
		catch (JacksonException ex) {
			return false;
		}
		JsonNode data = envelope.get("data");
		return signed.equals(envelope) || (data != null && !data.isNull() && signed.equals(data));
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static TokenPaySignatureException failure(String reason, @Nullable String requestId,
			@Nullable Throwable cause) {
		return new TokenPaySignatureException("TokenPay answer failed signature verification: " + reason, requestId,
				cause);
	}

}
