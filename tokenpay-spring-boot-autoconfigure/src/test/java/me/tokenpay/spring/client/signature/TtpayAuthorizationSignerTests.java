package me.tokenpay.spring.client.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import me.tokenpay.spring.client.TestCredentials;
import me.tokenpay.spring.client.TokenPayCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TtpayAuthorizationSigner}, {@link SecureRandomNonceGenerator} and the
 * app secret rules of {@link TokenPayCredentials} and {@link SignatureCipher}.
 *
 * @author TokenPay Spring Boot team
 */
class TtpayAuthorizationSignerTests {

	private static final String APP_ID = TestCredentials.APP_ID;

	private static final String MCH_ID = "12345678";

	private static final String APP_SECRET = TestCredentials.APP_SECRET;

	private static final String PATH = "/v1/payanother/close";

	private static final Pattern HEADER = Pattern.compile("TTPAY-AES-256-ECB app_id=" + APP_ID + ",mch_id=" + MCH_ID
			+ ",nonce_str=([^,]+),timestamp=([^,]+),signature=([A-Za-z0-9+/]+=*)");

	private static final Instant NOW = Instant.parse("2024-11-24T00:00:00.123Z");

	private final TokenPayCredentials credentials = new TokenPayCredentials(APP_ID, MCH_ID, APP_SECRET);

	@Test
	void signProducesHeaderInDocumentedFormatOverPathTimestampNonceAndBody() throws Exception {
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(this.credentials);
		byte[] body = "{\"app_id\":\"a\",\"mch_id\":\"m\",\"payout_id\":\"p\"}".getBytes(StandardCharsets.UTF_8);
		Matcher matcher = parse(signer.sign(HttpMethod.POST, PATH, body));
		String nonce = matcher.group(1);
		String timestamp = matcher.group(2);
		assertThat(nonce).matches("[0-9A-F]{32}");
		assertThat(timestamp).matches("\\d{13}");
		assertThat(decrypt(matcher.group(3)))
			.isEqualTo(PATH + "\n" + timestamp + "\n" + nonce + "\n" + new String(body, StandardCharsets.UTF_8));
	}

	@Test
	void signTakesFreshNonceAndTimestampForEveryCall() {
		AtomicInteger nonces = new AtomicInteger();
		TickingClock clock = new TickingClock(NOW);
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(this.credentials, clock,
				TimestampUnit.MILLISECONDS, () -> "NONCE%027d".formatted(nonces.incrementAndGet()));
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		Matcher first = parse(signer.sign(HttpMethod.POST, PATH, body));
		Matcher second = parse(signer.sign(HttpMethod.POST, PATH, body));
		assertThat(first.group(1)).isEqualTo("NONCE" + "0".repeat(26) + "1");
		assertThat(second.group(1)).isEqualTo("NONCE" + "0".repeat(26) + "2");
		assertThat(first.group(2)).isEqualTo(Long.toString(NOW.toEpochMilli()));
		assertThat(second.group(2)).isEqualTo(Long.toString(NOW.toEpochMilli() + 1));
		assertThat(first.group(3)).isNotEqualTo(second.group(3));
	}

	@Test
	void signWithDefaultsNeverRepeatsNonce() {
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(this.credentials);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			nonces.add(parse(signer.sign(HttpMethod.POST, PATH, body)).group(1));
		}
		assertThat(nonces).hasSize(200);
	}

	@Test
	void signUsesEpochMillisecondsWhenUnitIsMilliseconds() {
		Matcher matcher = parse(signerAt(TimestampUnit.MILLISECONDS).sign(HttpMethod.POST, PATH, new byte[0]));
		assertThat(matcher.group(2)).isEqualTo("1732406400123");
	}

	@Test
	void signUsesEpochSecondsWhenUnitIsSeconds() throws Exception {
		Matcher matcher = parse(signerAt(TimestampUnit.SECONDS).sign(HttpMethod.POST, PATH, new byte[0]));
		assertThat(matcher.group(2)).isEqualTo("1732406400");
		assertThat(decrypt(matcher.group(3))).isEqualTo(PATH + "\n1732406400\nFIXEDNONCE0123456789ABCDEF012345\n");
	}

	@Test
	void signatureWithGivenTimestampAndNonceMatchesSign() {
		TtpayAuthorizationSigner signer = signerAt(TimestampUnit.MILLISECONDS);
		byte[] body = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8);
		Matcher matcher = parse(signer.sign(HttpMethod.POST, PATH, body));
		assertThat(signer.signature(PATH, "1732406400123", "FIXEDNONCE0123456789ABCDEF012345", body))
			.isEqualTo(matcher.group(3));
	}

	@Test
	void secureRandomNonceGeneratorProducesDistinctUpperCaseHexOf32Characters() {
		SecureRandomNonceGenerator generator = new SecureRandomNonceGenerator();
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String nonce = generator.generate();
			assertThat(nonce).hasSize(32).matches("[0-9A-F]{32}");
			nonces.add(nonce);
		}
		assertThat(nonces).hasSize(1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
			"0123456789abcdef0123456789abcdeé", "0123456789abcdef0123456789abcd€", "0123456789abcdef0123456789abcde€" })
	void credentialsRejectSecretThatIsNot32Utf8Bytes(String secret) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenPayCredentials(APP_ID, MCH_ID, secret))
			.withMessageContaining("32 UTF-8 bytes")
			.withMessageNotContaining(secret);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdeé",
			"0123456789abcdef0123456789abcd€", "" })
	void signatureCipherRejectsSecretThatIsNot32Utf8Bytes(String secret) {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignatureCipher(secret))
			.withMessageContaining("32 UTF-8 bytes");
	}

	@Test
	void signatureCipherOpensOnlyWholeAesBlocksAndNeverShowsItsKey() {
		SignatureCipher cipher = new SignatureCipher(APP_SECRET);
		for (String signature : new String[] { "", Base64.getEncoder().encodeToString(new byte[15]) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(signature))
				.withMessage("Signature is not a whole number of AES blocks");
		}
		assertThat(cipher.open(cipher.sign("x".getBytes(StandardCharsets.UTF_8)))).asString(StandardCharsets.UTF_8)
			.isEqualTo("x");
		assertThat(cipher).hasToString("SignatureCipher[AES/ECB/PKCS5Padding, key=******]");
	}

	@Test
	void secretOf32Utf8BytesMadeOfMultiByteCharactersIsAcceptedAndUsedAsUtf8Key() throws Exception {
		String secret = "éééééééééééééééé";
		assertThat(secret).hasSize(16);
		TokenPayCredentials credentials = new TokenPayCredentials(APP_ID, MCH_ID, secret);
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(credentials, Clock.fixed(NOW, ZoneOffset.UTC),
				TimestampUnit.MILLISECONDS, () -> "N");
		String signature = signer.signature(PATH, "1", "N", new byte[0]);
		assertThat(decrypt(secret, signature)).isEqualTo(PATH + "\n1\nN\n");
	}

	@Test
	void signFromManyThreadsProducesCorrectSignatures() throws Exception {
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(this.credentials);
		int threads = 8;
		int perThread = 250;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<String[]>>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					start.await();
					List<String[]> signed = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						String body = "{\"payout_id\":\"" + thread + "-" + i + "-" + "x".repeat(i % 40) + "\"}";
						signed.add(new String[] { body,
								signer.sign(HttpMethod.POST, PATH, body.getBytes(StandardCharsets.UTF_8)) });
					}
					return signed;
				}));
			}
			start.countDown();
			int checked = 0;
			for (Future<List<String[]>> future : futures) {
				for (String[] signed : future.get(60, TimeUnit.SECONDS)) {
					Matcher matcher = parse(signed[1]);
					assertThat(decrypt(matcher.group(3)))
						.isEqualTo(PATH + "\n" + matcher.group(2) + "\n" + matcher.group(1) + "\n" + signed[0]);
					checked++;
				}
			}
			assertThat(checked).isEqualTo(threads * perThread);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void toStringDoesNotContainSecret() {
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(this.credentials);
		assertThat(signer.toString()).contains(APP_ID).doesNotContain(APP_SECRET);
		assertThat(new SignatureCipher(APP_SECRET).toString()).doesNotContain(APP_SECRET);
		assertThat(this.credentials.toString()).contains(APP_ID).doesNotContain(APP_SECRET);
	}

	private TtpayAuthorizationSigner signerAt(TimestampUnit unit) {
		return new TtpayAuthorizationSigner(this.credentials, Clock.fixed(NOW, ZoneOffset.UTC), unit,
				() -> "FIXEDNONCE0123456789ABCDEF012345");
	}

	private static Matcher parse(String authorization) {
		Matcher matcher = HEADER.matcher(authorization);
		assertThat(matcher.matches()).as("header '%s' has the documented format", authorization).isTrue();
		return matcher;
	}

	private static String decrypt(String signature) throws GeneralSecurityException {
		return decrypt(APP_SECRET, signature);
	}

	private static String decrypt(String secret, String signature) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"));
		return new String(cipher.doFinal(Base64.getDecoder().decode(signature)), StandardCharsets.UTF_8);
	}

	static final class TickingClock extends Clock {

		private final AtomicInteger ticks = new AtomicInteger();

		private final Instant start;

		TickingClock(Instant start) {
			this.start = start;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.start.plus(Duration.ofMillis(this.ticks.getAndIncrement()));
		}

	}

}
