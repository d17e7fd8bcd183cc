package me.tokenpay.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TimestampUnit;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Sends hand-made requests to a {@link MockTokenPayServer} with the JDK's
 * {@link HttpClient}, building the {@code Authorization} header from its parts so that
 * tests can get any part of it wrong. Timestamps come from a fixed clock and nonces from
 * a counter.
 *
 * @author TokenPay Spring Boot team
 */
final class RawTokenPayClient {

	static final String CANCEL_PATH = "/v1/payanother/close";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockTokenPayServer server;

	private final Clock clock;

	private final HttpClient httpClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final AtomicLong nonces = new AtomicLong();

	private final TtpayAuthorizationSigner signer;

	private final ResponseVerifier verifier;

	RawTokenPayClient(MockTokenPayServer server, Clock clock) {
		this.server = server;
		this.clock = clock;
		TokenPayCredentials credentials = server.credentials();
		this.signer = new TtpayAuthorizationSigner(credentials, clock, TimestampUnit.MILLISECONDS, this::nonce);
		this.verifier = new ResponseVerifier(new SignatureCipher(credentials.appSecret()),
				ResponseSignatureMode.REQUIRED, Duration.ofMinutes(5), clock);
	}

	TokenPayCredentials credentials() {
		return this.server.credentials();
	}

	String nonce() {
		return "N%031d".formatted(this.nonces.incrementAndGet());
	}

	String timestamp() {
		return TimestampUnit.MILLISECONDS.format(this.clock.instant());
	}

	byte[] body(String payoutId) {
		return body(credentials().appId(), credentials().mchId(), "payout_id", payoutId);
	}

	byte[] body(String appId, String mchId, String payoutIdField, String payoutId) {
		return JSON.writeValueAsBytes(
				JSON.createObjectNode().put("app_id", appId).put("mch_id", mchId).put(payoutIdField, payoutId));
	}

	byte[] merchantBody(Map<String, ?> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("app_id", credentials().appId());
		body.put("mch_id", credentials().mchId());
		body.putAll(fields);
		return JSON.writeValueAsBytes(body);
	}

	Response signed(String method, String pathAndQuery, byte[] body) {
		return send(method, pathAndQuery, authorization(pathAndQuery, body), body);
	}

	String authorization(String signedPath, byte[] body) {
		return this.signer.sign(HttpMethod.POST, signedPath, body);
	}

	String authorization(String nonce, String timestamp, String signedPath, byte[] body) {
		return authorization(credentials().appId(), credentials().mchId(), nonce, timestamp, signedPath, body);
	}

	String authorization(String appId, String mchId, String nonce, String timestamp, String signedPath, byte[] body) {
		return TtpayAuthorizationSigner.SCHEME + " app_id=" + appId + ",mch_id=" + mchId + ",nonce_str=" + nonce
				+ ",timestamp=" + timestamp + ",signature=" + signature(nonce, timestamp, signedPath, body);
	}

	String signature(String nonce, String timestamp, String signedPath, byte[] body) {
		return this.signer.signature(signedPath, timestamp, nonce, body);
	}

	Response cancel(String payoutId) {
		byte[] body = body(payoutId);
		return post(CANCEL_PATH, authorization(CANCEL_PATH, body), body);
	}

	Response post(String path, @Nullable String authorization, byte[] body) {
		return send("POST", path, authorization, body);
	}

	Response send(String method, String path, @Nullable String authorization, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(method, (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<byte[]> response = this.httpClient.send(request.build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpHeaders headers = new HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new Response(response.statusCode(), headers, response.body(), this.verifier);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request to the mock TokenPay server failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * An answer of the mock server.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the body
	 * @param verifier the verifier for its signature
	 */
	record Response(int status, HttpHeaders headers, byte[] body, ResponseVerifier verifier) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		int code() {
			return json().get("code").asInt();
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Verify the answer's signature as a client in
		 * {@link ResponseSignatureMode#REQUIRED} mode would.
		 * @return this answer
		 */
		Response verify() {
			JsonNode json = json();
			JsonNode requestId = json.get("request_id");
			this.verifier.verify(this.headers, this.body, json, (requestId != null) ? requestId.asString() : null);
			return this;
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
