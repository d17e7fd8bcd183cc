package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.TestCredentials;
import me.tokenpay.spring.client.signature.SignatureCipher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MockWebServer} on 127.0.0.1 standing in for the TokenPay gateway, with helpers
 * to answer like the gateway and to check what the client sent.
 *
 * @author TokenPay Spring Boot team
 */
final class LoopbackGateway implements AutoCloseable {

	static final String APP_ID = TestCredentials.APP_ID;

	static final String MCH_ID = TestCredentials.MCH_ID;

	static final String APP_SECRET = TestCredentials.APP_SECRET;

	static final String SUCCESS = "{\"code\":0,\"msg\":\"success\",\"request_id\":\"f23ade4a-e5ca-48f4-a4bb-59114ac360ba\"}";

	private final MockWebServer server = new MockWebServer();

	LoopbackGateway() {
		try {
			this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	String[] properties() {
		return new String[] { "tokenpay.base-url=" + baseUrl(), "tokenpay.app-id=" + APP_ID,
				"tokenpay.mch-id=" + MCH_ID, "tokenpay.app-secret=" + APP_SECRET };
	}

	MockWebServer server() {
		return this.server;
	}

	void enqueue(MockResponse response) {
		this.server.enqueue(response);
	}

	void enqueueSuccess() {
		enqueue(json(SUCCESS).build());
	}

	void enqueueSignedSuccess(Instant signedAt) {
		String timestamp = Long.toString(signedAt.toEpochMilli());
		String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
		String signature = new SignatureCipher(APP_SECRET)
			.sign((timestamp + "\n" + nonce + "\n" + SUCCESS).getBytes(StandardCharsets.UTF_8));
		enqueue(json(SUCCESS).addHeader("TTPay-Timestamp", timestamp)
			.addHeader("TTPay-Nonce", nonce)
			.addHeader("TTPay-Signature", signature)
			.build());
	}

	static MockResponse.Builder json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body);
	}

	RecordedRequest takeRequest() {
		try {
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request).as("request received by the gateway").isNotNull();
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int requestCount() {
		return this.server.getRequestCount();
	}

	@Override
	public void close() {
		this.server.close();
	}

	static String body(RecordedRequest request) {
		return (request.getBody() != null) ? request.getBody().utf8() : "";
	}

	/**
	 * Parse a {@code TTPAY-AES-256-ECB} header into its parameters.
	 * @param request the recorded request
	 * @return the parameters, in header order
	 */
	static Map<String, String> authorization(RecordedRequest request) {
		String header = request.getHeaders().get("Authorization");
		assertThat(header).startsWith("TTPAY-AES-256-ECB ");
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : header.substring("TTPAY-AES-256-ECB ".length()).split(",")) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return parameters;
	}

	/**
	 * Assert that a request carries a valid signature, made with the given secret, of
	 * exactly the path and body that arrived.
	 * @param request the recorded request
	 * @param appSecret the secret the signature must have been made with
	 * @return the parameters of the Authorization header
	 */
	static Map<String, String> assertSigned(RecordedRequest request, String appSecret) {
		Map<String, String> authorization = authorization(request);
		byte[] plaintext = new SignatureCipher(appSecret).open(authorization.get("signature"));
		String expected = request.getTarget() + "\n" + authorization.get("timestamp") + "\n"
				+ authorization.get("nonce_str") + "\n" + body(request);
		assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(expected);
		return authorization;
	}

}
