package me.tokenpay.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.signature.SignatureCipher;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Values shared by the benchmarks: the documented example credentials and a Cancel Payout
 * call as TokenPay's page shows it.
 *
 * @author TokenPay Spring Boot team
 */
final class Fixtures {

	static final String APP_ID = "8e4b8c2e7c0a1b2c3d4e5f601a1cbd3d";

	static final String MCH_ID = "12345678";

	static final String APP_SECRET = "0123456789abcdef0123456789abcdef";

	static final String PAYOUT_ID = "2a1cfa65680a1b2c3d4e5f603050957024c559";

	static final String PATH = "/v1/payanother/close";

	static final String NONCE = "5F0B6C1E9A2D47F3B8C4D1E2F3A4B5C6";

	static final String REQUEST_ID = "f23ade4a-e5ca-48f4-a4bb-59114ac360ba";

	static final String USER_AGENT = "tokenpay API (https://tokenpay.me)";

	/**
	 * The body that {@code TokenPayTemplate} writes for {@link #PAYOUT_ID}.
	 */
	static final String REQUEST_JSON = "{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID + "\",\"payout_id\":\""
			+ PAYOUT_ID + "\"}";

	/**
	 * {@link #REQUEST_JSON} as bytes.
	 */
	static final byte[] REQUEST_BODY = REQUEST_JSON.getBytes(StandardCharsets.UTF_8);

	/**
	 * The answer of a successful Cancel Payout.
	 */
	static final byte[] RESPONSE_BODY = ("{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID + "\"}")
		.getBytes(StandardCharsets.UTF_8);

	private Fixtures() {
	}

	static TokenPayCredentials credentials() {
		return new TokenPayCredentials(APP_ID, MCH_ID, APP_SECRET);
	}

	static String timestamp(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	/**
	 * Sign an answer the way the gateway does.
	 * @param timestamp the {@code TTPay-Timestamp}
	 * @param nonce the {@code TTPay-Nonce}
	 * @param body the body
	 * @return the {@code TTPay-Signature}
	 */
	static String responseSignature(String timestamp, String nonce, byte[] body) {
		byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] plaintext = new byte[head.length + body.length];
		System.arraycopy(head, 0, plaintext, 0, head.length);
		System.arraycopy(body, 0, plaintext, head.length, body.length);
		return new SignatureCipher(APP_SECRET).sign(plaintext);
	}

	/**
	 * Send the pre-signed Cancel Payout bytes as a hand-written call does.
	 * @param client the client, with the server's base URL
	 * @param authorization the pre-signed {@code Authorization} header
	 * @param close whether to ask for the connection to be closed after the answer
	 * @return the answer's bytes
	 */
	static byte[] postPresigned(RestClient client, String authorization, boolean close) {
		RestClient.RequestBodySpec spec = client.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.header(HttpHeaders.USER_AGENT, USER_AGENT)
			.contentType(MediaType.APPLICATION_JSON);
		if (close) {
			spec.header(HttpHeaders.CONNECTION, "close");
		}
		return spec.body(REQUEST_BODY).retrieve().body(byte[].class);
	}

}
