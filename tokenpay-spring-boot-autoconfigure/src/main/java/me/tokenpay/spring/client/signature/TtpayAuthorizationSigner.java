package me.tokenpay.spring.client.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import me.tokenpay.spring.client.TokenPayCredentials;

import org.springframework.http.HttpMethod;

/**
 * The {@code TTPAY-AES-256-ECB} signer that TokenPay documents. The signed plaintext is
 * {@code path \n timestamp \n nonce \n body} (no trailing line feed) and the header is
 * {@code TTPAY-AES-256-ECB app_id=…,mch_id=…,nonce_str=…,timestamp=…,signature=…}. Every
 * call takes a fresh nonce and timestamp; the instance is thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public final class TtpayAuthorizationSigner implements AuthorizationSigner {

	/**
	 * The authorization scheme.
	 */
	public static final String SCHEME = "TTPAY-AES-256-ECB";

	private static final byte LINE_FEED = '\n';

	private final String appId;

	private final String headerPrefix;

	private final SignatureCipher cipher;

	private final Clock clock;

	private final TimestampUnit timestampUnit;

	private final NonceGenerator nonceGenerator;

	/**
	 * Create a signer with the system clock, millisecond timestamps and secure random
	 * nonces.
	 * @param credentials the merchant credentials
	 */
	public TtpayAuthorizationSigner(TokenPayCredentials credentials) {
		this(credentials, Clock.systemUTC(), TimestampUnit.MILLISECONDS, new SecureRandomNonceGenerator());
	}

	/**
	 * Create a signer.
	 * @param credentials the merchant credentials
	 * @param clock the source of timestamps
	 * @param timestampUnit the unit of timestamps
	 * @param nonceGenerator the source of nonces
	 */
	public TtpayAuthorizationSigner(TokenPayCredentials credentials, Clock clock, TimestampUnit timestampUnit,
			NonceGenerator nonceGenerator) {
		this.appId = credentials.appId();
		this.headerPrefix = SCHEME + " app_id=" + credentials.appId() + ",mch_id=" + credentials.mchId()
				+ ",nonce_str=";
		this.cipher = new SignatureCipher(credentials.appSecret());
		this.clock = clock;
		this.timestampUnit = timestampUnit;
		this.nonceGenerator = nonceGenerator;
	}

	@Override
	public String sign(HttpMethod method, String pathAndQuery, byte[] body) {
		String timestamp = this.timestampUnit.format(this.clock.instant());
		String nonce = this.nonceGenerator.generate();
		String signature = signature(pathAndQuery, timestamp, nonce, body);
		return this.headerPrefix + nonce + ",timestamp=" + timestamp + ",signature=" + signature;
	}

	/**
	 * Compute the signature of a request with a given timestamp and nonce.
	 * @param pathAndQuery the request URL without scheme and host
	 * @param timestamp the timestamp as sent
	 * @param nonce the nonce as sent
	 * @param body the exact body bytes
	 * @return the Base64 signature
	 */
	public String signature(String pathAndQuery, String timestamp, String nonce, byte[] body) {
		byte[] path = pathAndQuery.getBytes(StandardCharsets.UTF_8);
		byte[] time = timestamp.getBytes(StandardCharsets.US_ASCII);
		byte[] once = nonce.getBytes(StandardCharsets.UTF_8);
		byte[] plaintext = new byte[path.length + time.length + once.length + body.length + 3];
		int position = append(plaintext, 0, path);
		plaintext[position++] = LINE_FEED;
		position = append(plaintext, position, time);
		plaintext[position++] = LINE_FEED;
		position = append(plaintext, position, once);
		plaintext[position++] = LINE_FEED;
		append(plaintext, position, body);
		return this.cipher.sign(plaintext);
	}

	private static int append(byte[] target, int position, byte[] source) {
		System.arraycopy(source, 0, target, position, source.length);
		return position + source.length;
	}

	@Override
	public String toString() {
		return "TtpayAuthorizationSigner[appId=" + this.appId + "]";
	}

}
