package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import com.sun.net.httpserver.Headers;
import me.tokenpay.spring.client.signature.SignatureCipher;

/**
 * Signs answers as TokenPay does: {@code TTPay-Timestamp} (milliseconds),
 * {@code TTPay-Nonce} (32 lowercase hex) and {@code TTPay-Signature}, the AES-256-ECB
 * encryption of {@code timestamp\nnonce\nbody}.
 *
 * @author TokenPay Spring Boot team
 */
final class AnswerSigner {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private AnswerSigner() {
	}

	static void sign(Headers headers, byte[] body, SignatureCipher cipher, Clock clock) {
		String timestamp = Long.toString(clock.millis());
		byte[] nonceBytes = new byte[16];
		RANDOM.nextBytes(nonceBytes);
		String nonce = HEX.formatHex(nonceBytes);
		byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] plaintext = new byte[head.length + body.length];
		System.arraycopy(head, 0, plaintext, 0, head.length);
		System.arraycopy(body, 0, plaintext, head.length, body.length);
		headers.set("TTPay-Timestamp", timestamp);
		headers.set("TTPay-Nonce", nonce);
		headers.set("TTPay-Signature", cipher.sign(plaintext));
	}

}
