package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TimestampUnit;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code Authorization} header of a request as strictly as TokenPay documents:
 * app and merchant id (20000), timestamp format (100) and window (104), nonce format and
 * replay (103) and the AES-256-ECB signature over the exact bytes received (103).
 *
 * @author TokenPay Spring Boot team
 */
final class MockAuthenticator {

	static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{32}");

	private final Function<String, @Nullable TokenPayCredentials> merchants;

	private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();

	private volatile TimestampUnit timestampUnit = TimestampUnit.MILLISECONDS;

	private volatile Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;

	/**
	 * Create an authenticator.
	 * @param merchants the credentials of each merchant by app id
	 */
	MockAuthenticator(Function<String, @Nullable TokenPayCredentials> merchants) {
		this.merchants = merchants;
	}

	void timestampUnit(TimestampUnit timestampUnit) {
		this.timestampUnit = timestampUnit;
	}

	void timestampTolerance(Duration timestampTolerance) {
		this.timestampTolerance = timestampTolerance;
	}

	/**
	 * Check a request.
	 * @param header the {@code Authorization} header, {@code null} if absent
	 * @param signedPath the path and query that the signature must cover
	 * @param body the body received
	 * @param clock the server's clock
	 * @return the credentials of the merchant that signed it
	 * @throws Rejection if the request fails a check
	 */
	TokenPayCredentials check(@Nullable String header, String signedPath, byte[] body, Clock clock) {
		AuthorizationHeader authorization = AuthorizationHeader.parse(header);
		TokenPayCredentials merchant = this.merchants.apply(authorization.appId());
		if (merchant == null || !authorization.mchId().equals(merchant.mchId())) {
			throw new Rejection(20000, "Application is absence");
		}
		Instant now = clock.instant();
		Instant signedAt = parseTimestamp(authorization.timestamp());
		if (Duration.between(signedAt, now).abs().compareTo(this.timestampTolerance) > 0) {
			throw new Rejection(104, "Signature expired");
		}
		if (!NONCE.matcher(authorization.nonce()).matches()) {
			throw new Rejection(103, "Invalid signature: nonce_str must be 32 letters or digits");
		}
		String expected = new SignatureCipher(merchant.appSecret()).sign(plaintext(signedPath, authorization, body));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
			throw new Rejection(103, "Invalid signature");
		}
		this.seenNonces.values().removeIf((seen) -> seen.isBefore(now.minus(this.timestampTolerance.multipliedBy(2))));
		if (this.seenNonces.putIfAbsent(authorization.nonce(), now) != null) {
			throw new Rejection(103, "Invalid signature: nonce_str was already used");
		}
		return merchant;
	}

	/**
	 * Forget seen nonces and restore the default timestamp unit and tolerance.
	 */
	void reset() {
		this.seenNonces.clear();
		this.timestampUnit = TimestampUnit.MILLISECONDS;
		this.timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
	}

	private Instant parseTimestamp(String timestamp) {
		TimestampUnit unit = this.timestampUnit;
		int digits = (unit == TimestampUnit.MILLISECONDS) ? 13 : 10;
		if (timestamp.length() != digits || !timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new Rejection(100, "Request parameter error: timestamp must be " + digits + " digits");
		}
		long value = Long.parseLong(timestamp);
		return (unit == TimestampUnit.MILLISECONDS) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}

	private static byte[] plaintext(String signedPath, AuthorizationHeader authorization, byte[] body) {
		byte[] head = (signedPath + "\n" + authorization.timestamp() + "\n" + authorization.nonce() + "\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] plaintext = new byte[head.length + body.length];
		System.arraycopy(head, 0, plaintext, 0, head.length);
		System.arraycopy(body, 0, plaintext, head.length, body.length);
		return plaintext;
	}

}
