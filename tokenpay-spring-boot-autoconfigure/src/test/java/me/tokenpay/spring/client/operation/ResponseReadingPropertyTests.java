package me.tokenpay.spring.client.operation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Property-style tests: seeded random byte strings and random JSON documents fed to
 * {@link ResponseEnvelopeReader} and {@link ResponseVerifier} make them either succeed or
 * throw a {@link TokenPayException}, never anything else. A failure names its seed and
 * its input in Base64.
 *
 * @author TokenPay Spring Boot team
 */
class ResponseReadingPropertyTests {

	private static final String SECRET = "0123456789abcdefABCDEF0123456789";

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final SignatureCipher CIPHER = new SignatureCipher(SECRET);

	private static final String[] KEYS = { "code", "msg", "request_id", "data", "Code", "", "\u0000", "code ",
			"\ud83d\ude00" };

	private static final MediaType[] CONTENT_TYPES = { MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN,
			MediaType.parseMediaType("application/problem+json"), MediaType.TEXT_HTML };

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader();

	static LongStream seeds() {
		return LongStream.range(0, 5000);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void randomBytesOnlyEverFailWithTokenPayExceptions(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		byte[] body = new byte[random.nextInt(0, 300)];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) random.nextInt(256);
		}
		if (random.nextBoolean() && body.length > 0) {
			body[0] = (byte) "{[\"< \n".charAt(random.nextInt(6));
		}
		readAndVerify(seed, random, body);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void randomJsonDocumentsOnlyEverFailWithTokenPayExceptions(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder json = new StringBuilder();
		if (random.nextInt(4) == 0) {
			value(random, json, 0);
		}
		else {
			envelope(random, json);
		}
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(5) == 0 && body.length > 0) {
			body[random.nextInt(body.length)] = (byte) random.nextInt(256);
		}
		if (random.nextInt(8) == 0 && body.length > 1) {
			body = Arrays.copyOf(body, random.nextInt(1, body.length));
		}
		readAndVerify(seed, random, body);
	}

	private void readAndVerify(long seed, SplittableRandom random, byte[] body) {
		MediaType contentType = (random.nextInt(5) == 0) ? null : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
		HttpHeaders headers = headers(random, body);
		ResponseSignatureMode mode = ResponseSignatureMode.values()[random.nextInt(3)];
		ResponseVerifier verifier = new ResponseVerifier(CIPHER, mode, Duration.ofMinutes(5),
				Clock.fixed(NOW, ZoneOffset.UTC));
		JsonNode tree = JsonNodeFactory.instance.objectNode();
		try {
			ResponseEnvelope envelope = this.reader.read(200 + random.nextInt(400), contentType, body);
			tree = envelope.tree();
		}
		catch (TokenPayException ex) {
			// expected for most inputs; the verifier still gets them below
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new AssertionError(describe("ResponseEnvelopeReader", seed, body, headers), ex);
		}
		try {
			verifier.verify(headers, body, tree, null);
		}
		catch (TokenPayException ex) {
			// expected for most inputs
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new AssertionError(describe("ResponseVerifier", seed, body, headers), ex);
		}
	}

	private static String describe(String what, long seed, byte[] body, HttpHeaders headers) {
		return what + " threw a non-TokenPay exception for seed " + seed + ", body (Base64) "
				+ Base64.getEncoder().encodeToString(body) + ", headers " + headers;
	}

	private static HttpHeaders headers(SplittableRandom random, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		int shape = random.nextInt(6);
		if (shape == 0) {
			return headers;
		}
		String timestamp = switch (random.nextInt(5)) {
			case 0 -> Long.toString(NOW.toEpochMilli() + random.nextLong(-600_000, 600_000));
			case 1 -> Long.toString(NOW.getEpochSecond());
			case 2 -> Long.toString(random.nextLong());
			case 3 -> "";
			default -> randomText(random, 13);
		};
		String nonce = (random.nextBoolean()) ? "c5ac7061fccab6bf3e254dcf98995b8c" : randomText(random, 32);
		String signature = switch (random.nextInt(5)) {
			case 0 -> CIPHER.sign(concat((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8), body));
			case 1 -> CIPHER.sign(randomBytes(random, random.nextInt(0, 100)));
			case 2 -> Base64.getEncoder().encodeToString(randomBytes(random, random.nextInt(0, 100)));
			case 3 -> new SignatureCipher("ZYXWVUTSRQPONMLKJIHGFEDCBA987654").sign(body);
			default -> randomText(random, 44);
		};
		if (shape != 1) {
			headers.set(ResponseVerifier.TIMESTAMP_HEADER, timestamp);
		}
		if (shape != 2) {
			headers.set(ResponseVerifier.NONCE_HEADER, nonce);
		}
		if (shape != 3) {
			headers.set(ResponseVerifier.SIGNATURE_HEADER, signature);
		}
		return headers;
	}

	private static void envelope(SplittableRandom random, StringBuilder json) {
		json.append('{');
		int members = random.nextInt(0, 6);
		for (int i = 0; i < members; i++) {
			if (i > 0) {
				json.append(',');
			}
			string(KEYS[random.nextInt(KEYS.length)], json);
			json.append(':');
			value(random, json, 1);
		}
		json.append('}');
	}

	private static void value(SplittableRandom random, StringBuilder json, int depth) {
		int kind = random.nextInt((depth > 6) ? 7 : 9);
		switch (kind) {
			case 0 -> json.append("null");
			case 1 -> json.append(random.nextBoolean());
			case 2 -> json.append(random.nextInt());
			case 3 -> json.append(random.nextLong()).append("9".repeat(random.nextInt(0, 30)));
			case 4 -> json.append(random.nextDouble() * 1e300).append("e").append(random.nextInt(-400, 400));
			case 5 -> string(randomText(random, random.nextInt(0, 20)), json);
			case 6 -> json.append((random.nextBoolean()) ? "-0" : "0");
			case 7 -> {
				json.append('[');
				int items = random.nextInt(0, 4);
				for (int i = 0; i < items; i++) {
					if (i > 0) {
						json.append(',');
					}
					value(random, json, depth + 1);
				}
				json.append(']');
			}
			default -> {
				json.append('{');
				int members = random.nextInt(0, 4);
				for (int i = 0; i < members; i++) {
					if (i > 0) {
						json.append(',');
					}
					string(KEYS[random.nextInt(KEYS.length)], json);
					json.append(':');
					value(random, json, depth + 1);
				}
				json.append('}');
			}
		}
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

	private static String randomText(SplittableRandom random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) random.nextInt(0x20, 0x2FFF));
		}
		return text.toString();
	}

	private static byte[] randomBytes(SplittableRandom random, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) random.nextInt(256);
		}
		return bytes;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
