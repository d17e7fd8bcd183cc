package me.tokenpay.spring.client.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.tokenpay.spring.client.operation.InvalidFieldException;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payin.TransactionDecoder;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutDecoder;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Verifies, decrypts and decodes TokenPay notifications. Works on the raw body bytes as
 * received: a body that was re-serialised never verifies.
 * <ol>
 * <li>The body must be at most the maximum size and a JSON object naming an
 * {@code app_id} whose secret the {@link NotificationKeys} know.</li>
 * <li>{@code TTPay-Timestamp}, {@code TTPay-Nonce} and {@code TTPay-Signature} (names in
 * any case) must be present and well formed, and the signature must be the AES-256-ECB
 * signature of {@code timestamp\nnonce\nbody} under that secret, compared in constant
 * time. There is no way around this check: a delivery without headers is refused.</li>
 * <li>The timestamp (seconds or milliseconds) must be within the tolerance of the clock,
 * unless the tolerance is zero. TokenPay may resend a notification with its first
 * timestamp for about 11 hours, hence a default of 24 hours elsewhere.</li>
 * <li>{@code resource.ciphertext} is decrypted with {@code AEAD_AES_256_GCM}: the secret
 * as key, the UTF-8 bytes of {@code resource.nonce} as IV, the last 16 bytes as tag, and
 * {@code resource.associated_data} as additional data when present.</li>
 * <li>The plaintext is decoded into a {@link Payout} ({@code original_type}
 * {@code payout} or {@code payanother}) or a {@link Transaction}
 * ({@code transaction}).</li>
 * </ol>
 * Every failure is a {@link TokenPayNotificationException} subtype whose message never
 * contains the secret, the body or the plaintext. Thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayNotificationParser {

	/**
	 * The header carrying the signature's timestamp.
	 */
	public static final String TIMESTAMP_HEADER = "TTPay-Timestamp";

	/**
	 * The header carrying the signature's nonce.
	 */
	public static final String NONCE_HEADER = "TTPay-Nonce";

	/**
	 * The header carrying the signature.
	 */
	public static final String SIGNATURE_HEADER = "TTPay-Signature";

	/**
	 * The only resource algorithm TokenPay uses.
	 */
	public static final String ALGORITHM = "AEAD_AES_256_GCM";

	private static final int TAG_BITS = 128;

	private static final int MAX_HEADER_LENGTH = 64;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final NotificationKeys keys;

	private final Duration timestampTolerance;

	private final long maxBodySize;

	private final Clock clock;

	/**
	 * Create a parser.
	 * @param keys the app secrets by app id
	 * @param timestampTolerance how far the signature's timestamp may be from the clock,
	 * either way; zero to not check it
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param clock the clock the timestamp is checked against
	 */
	public TokenPayNotificationParser(NotificationKeys keys, Duration timestampTolerance, long maxBodySize,
			Clock clock) {
		Assert.notNull(keys, "Keys must not be null");
		Assert.isTrue(!timestampTolerance.isNegative(), "Timestamp tolerance must not be negative");
		Assert.isTrue(maxBodySize > 0, "Maximum body size must be positive");
		this.keys = keys;
		this.timestampTolerance = timestampTolerance;
		this.maxBodySize = maxBodySize;
		this.clock = clock;
	}

	/**
	 * Parse a delivery.
	 * @param headers the request headers, names in any case
	 * @param body the body bytes as received
	 * @return the notification
	 * @throws TokenPayNotificationException if it cannot be trusted or read
	 */
	public TokenPayNotification parse(Map<String, String> headers, byte[] body) {
		Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseInsensitive.putAll(headers);
		return parse(caseInsensitive::get, body);
	}

	/**
	 * Parse a delivery.
	 * @param headers the request headers by name, looked up in any case the function
	 * accepts (such as {@code HttpServletRequest::getHeader})
	 * @param body the body bytes as received
	 * @return the notification
	 * @throws TokenPayNotificationException if it cannot be trusted or read
	 */
	public TokenPayNotification parse(Function<String, @Nullable String> headers, byte[] body) {
		Assert.notNull(body, "Body must not be null");
		if (body.length > this.maxBodySize) {
			throw new TokenPayMalformedNotificationException(
					"Notification body of " + body.length + " bytes exceeds the maximum of " + this.maxBodySize);
		}
		String timestamp = header(headers, TIMESTAMP_HEADER, MAX_HEADER_LENGTH);
		String nonce = header(headers, NONCE_HEADER, MAX_HEADER_LENGTH);
		String signature = header(headers, SIGNATURE_HEADER,
				signatureLength(timestamp.length() + nonce.length() + 2L + body.length));
		JsonNode envelope = json(body, "body");
		String appId = requiredText(envelope, "app_id");
		NotificationKeys.Key key = this.keys.key(appId);
		if (key == null) {
			throw new TokenPayUnknownMerchantException(appId);
		}
		String secret = key.appSecret();
		verifySignature(secret, timestamp, nonce, signature, body);
		checkTimestamp(timestamp);
		JsonNode resource = envelope.get("resource");
		if (resource == null || !resource.isObject()) {
			throw new TokenPayMalformedNotificationException("Notification has no 'resource' object");
		}
		String eventType = requiredText(envelope, "event_type");
		String originalType = requiredText(resource, "original_type");
		String algorithm = requiredText(resource, "algorithm");
		if (!ALGORITHM.equals(algorithm)) {
			throw new TokenPayNotificationDecryptionException(
					"Unsupported resource algorithm; only " + ALGORITHM + " is supported");
		}
		String ciphertext = requiredText(resource, "ciphertext");
		String resourceNonce = requiredText(resource, "nonce");
		String associatedData = optionalText(resource, "associated_data");
		byte[] plaintext = decrypt(secret, ciphertext, resourceNonce, associatedData);
		JsonNode detail = json(plaintext, "decrypted resource");
		Payout payout = null;
		Transaction transaction = null;
		try {
			switch (originalType) {
				case "payout", "payanother" -> payout = PayoutDecoder.decode(detail);
				case "transaction" -> transaction = TransactionDecoder.decode(detail);
				default -> {
				}
			}
		}
		catch (InvalidFieldException ex) {
			// the value stays out of the message: it is part of a decrypted body
			throw new TokenPayMalformedNotificationException(
					"Notification detail has an invalid '" + ex.getField() + "' field");
		}
		return new TokenPayNotification(key.merchant(), appId, optionalText(envelope, "mch_id"), createTime(envelope),
				NotificationEventType.of(eventType), originalType, payout, transaction,
				deduplicationKey(appId, eventType, detail, resourceNonce, ciphertext),
				new String(body, StandardCharsets.UTF_8), new String(plaintext, StandardCharsets.UTF_8));
	}

	/**
	 * The signature is the Base64 of AES/ECB/PKCS5Padding over the timestamp, the nonce
	 * (ASCII, one byte per character) and the body: one 16-byte block more than the
	 * plaintext fills, so its length is known before it is read.
	 */
	private static long signatureLength(long plaintextLength) {
		long encrypted = (plaintextLength / 16 + 1) * 16;
		return (encrypted + 2) / 3 * 4;
	}

	private static String header(Function<String, @Nullable String> headers, String name, long maxLength) {
		String value = headers.apply(name);
		if (value == null || value.isBlank()) {
			throw new TokenPayNotificationSignatureException("Notification has no " + name + " header");
		}
		String trimmed = value.trim();
		if (trimmed.length() > maxLength
				|| trimmed.chars().anyMatch((c) -> c < 0x21 || c > 0x7e || c == ',' || c == ';')) {
			throw new TokenPayNotificationSignatureException("Notification has a malformed " + name + " header");
		}
		return trimmed;
	}

	private void verifySignature(String secret, String timestamp, String nonce, String signature, byte[] body) {
		byte[] signed = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] plaintext = new byte[signed.length + body.length];
		System.arraycopy(signed, 0, plaintext, 0, signed.length);
		System.arraycopy(body, 0, plaintext, signed.length, body.length);
		byte[] expected = new SignatureCipher(secret).sign(plaintext).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new TokenPayNotificationSignatureException(
					"Notification signature does not match its body under the merchant's app secret");
		}
	}

	private void checkTimestamp(String timestamp) {
		if (timestamp.length() > 13 || !timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new TokenPayNotificationSignatureException(
					"Notification " + TIMESTAMP_HEADER + " is not epoch seconds or milliseconds");
		}
		if (this.timestampTolerance.isZero()) {
			return;
		}
		long value = Long.parseLong(timestamp);
		Instant signedAt = (timestamp.length() > 10) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
		Duration age = Duration.between(signedAt, this.clock.instant()).abs();
		if (age.compareTo(this.timestampTolerance) > 0) {
			throw new TokenPayNotificationSignatureException("Notification was signed at " + signedAt
					+ ", further from now than the tolerance of " + this.timestampTolerance);
		}
	}

	private static byte[] decrypt(String secret, String ciphertext, String nonce, @Nullable String associatedData) {
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(ciphertext);
		}
		catch (IllegalArgumentException ex) {
			throw new TokenPayNotificationDecryptionException("Notification ciphertext is not Base64");
		}
		if (sealed.length < TAG_BITS / 8) {
			throw new TokenPayNotificationDecryptionException("Notification ciphertext is shorter than its GCM tag");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
			if (associatedData != null) {
				cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			}
			return cipher.doFinal(sealed);
		}
		catch (AEADBadTagException ex) {
			throw new TokenPayNotificationDecryptionException(
					"Notification resource fails its GCM tag check: tampered, or encrypted with another key", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new TokenPayNotificationDecryptionException("Notification resource cannot be decrypted", ex);
		}
	}

	private JsonNode json(byte[] bytes, String what) {
		JsonNode node;
		try {
			node = this.mapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new TokenPayMalformedNotificationException("Notification " + what + " is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new TokenPayMalformedNotificationException("Notification " + what + " is not a JSON object");
		}
		return node;
	}

	private static String requiredText(JsonNode object, String field) {
		String value = optionalText(object, field);
		if (value == null || value.isBlank()) {
			throw new TokenPayMalformedNotificationException("Notification has no '" + field + "' string");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static @Nullable OffsetDateTime createTime(JsonNode envelope) {
		String text = optionalText(envelope, "create_time");
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * There is no notification id: an event is its app id, event type, resource id and
	 * state. A resource without an id falls back to a digest of its ciphertext.
	 */
	private static String deduplicationKey(String appId, String eventType, JsonNode detail, String nonce,
			String ciphertext) {
		String transactionId = optionalText(detail, "transaction_id");
		String state = optionalText(detail, "trade_state");
		JsonNode status = detail.get("status");
		if (state == null && status != null && status.isNumber()) {
			state = status.asString();
		}
		String resource = (transactionId != null && !transactionId.isBlank()) ? transactionId
				: "sha256-" + sha256(nonce + "\n" + ciphertext);
		return appId + ":" + eventType + ":" + resource + ":" + ((state != null) ? state : "");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
