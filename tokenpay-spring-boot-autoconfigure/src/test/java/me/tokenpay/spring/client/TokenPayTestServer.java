package me.tokenpay.spring.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures shared by the tests that run a {@link TokenPayTemplate} against a
 * {@link MockWebServer}: credentials, canned answers, and an independent check of request
 * signatures written with {@code javax.crypto} only.
 *
 * @author TokenPay Spring Boot team
 */
final class TokenPayTestServer {

	static final String APP_ID = TestCredentials.APP_ID;

	static final String MCH_ID = TestCredentials.MCH_ID;

	static final String APP_SECRET = TestCredentials.APP_SECRET;

	static final String OTHER_SECRET = TestCredentials.OTHER_SECRET;

	static final String PAYOUT_ID = "2a1cfa6568a1b2c3d4e5f63050957024";

	static final String REQUEST_ID = "f23ade4a-e5ca-48f4-a4bb-59114ac360ba";

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"TTPAY-AES-256-ECB app_id=([^,]+),mch_id=([^,]+),nonce_str=([^,]+),timestamp=([^,]+),signature=([A-Za-z0-9+/]+=*)");

	private TokenPayTestServer() {
	}

	static TokenPayCredentials credentials() {
		return new TokenPayCredentials(APP_ID, MCH_ID, APP_SECRET);
	}

	static URI baseUrl(MockWebServer server) {
		return URI.create(server.url("/").toString());
	}

	static TokenPayTemplate template(MockWebServer server) {
		return template(RestClient.builder(), TokenPayClientSettings.defaults(baseUrl(server)),
				ResponseSignatureMode.IF_PRESENT, ObservationRegistry.NOOP);
	}

	static TokenPayTemplate template(RestClient.Builder builder, TokenPayClientSettings settings,
			ResponseSignatureMode mode, ObservationRegistry registry) {
		TokenPayCredentials credentials = credentials();
		ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(APP_SECRET), mode, Duration.ofMinutes(5),
				Clock.systemUTC());
		return TokenPayTemplate.builder()
			.restClientBuilder(builder)
			.settings(settings)
			.credentials(credentials)
			.signer(new TtpayAuthorizationSigner(credentials))
			.verifier(verifier)
			.observationRegistry(registry)
			.build();
	}

	static String envelope(int code, String msg) {
		return "{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"request_id\":\"" + REQUEST_ID + "\"}";
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=utf-8")
			.body(body)
			.build();
	}

	static MockResponse success() {
		return json(200, envelope(0, "success"));
	}

	static MockResponse signed(String secret, String body, String timestampHeader, String nonceHeader,
			String signatureHeader) {
		String timestamp = Long.toString(System.currentTimeMillis());
		String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
		String signature = new SignatureCipher(secret)
			.sign((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader(timestampHeader, timestamp)
			.setHeader(nonceHeader, nonce)
			.setHeader(signatureHeader, signature)
			.body(body)
			.build();
	}

	static MockResponse signed(String secret, String body) {
		return signed(secret, body, "TTPay-Timestamp", "TTPay-Nonce", "TTPay-Signature");
	}

	static RecordedRequest takeRequest(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
		assertThat(request).as("request received by the mock server").isNotNull();
		return request;
	}

	/**
	 * Check, without any code of the library, that the request carries an
	 * {@code Authorization} header for the test credentials whose signature opens to
	 * {@code path \n timestamp \n nonce \n body} of what was actually sent.
	 * @param request the request as received
	 * @param signedPath the path the signature must cover
	 */
	static void assertCorrectlySigned(RecordedRequest request, String signedPath) {
		String authorization = request.getHeaders().get("Authorization");
		assertThat(authorization).isNotNull();
		Matcher matcher = AUTHORIZATION.matcher(authorization);
		assertThat(matcher.matches()).as("Authorization header has the documented format").isTrue();
		assertThat(matcher.group(1)).isEqualTo(APP_ID);
		assertThat(matcher.group(2)).isEqualTo(MCH_ID);
		String nonce = matcher.group(3);
		String timestamp = matcher.group(4);
		assertThat(nonce).matches("[0-9A-F]{32}");
		assertThat(timestamp).matches("\\d{13}");
		assertThat(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis())).isLessThan(60_000);
		assertThat(request.getTarget()).isEqualTo(signedPath);
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		assertThat(decrypt(APP_SECRET, matcher.group(5)))
			.isEqualTo(signedPath + "\n" + timestamp + "\n" + nonce + "\n" + body);
	}

	static String nonceOf(RecordedRequest request) {
		Matcher matcher = AUTHORIZATION.matcher(request.getHeaders().get("Authorization"));
		assertThat(matcher.matches()).isTrue();
		return matcher.group(3);
	}

	static String decrypt(String secret, String signature) {
		try {
			Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"));
			return new String(cipher.doFinal(Base64.getDecoder().decode(signature)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("Signature does not open with the test secret", ex);
		}
	}

}
