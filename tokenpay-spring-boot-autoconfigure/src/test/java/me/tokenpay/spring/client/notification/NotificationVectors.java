package me.tokenpay.spring.client.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.tokenpay.spring.client.TestCredentials;

/**
 * Builds notifications from TokenPay's documented recipe with the JDK's own
 * {@link Cipher} only, independently of the code under test: the resource encrypted with
 * AES-256-GCM (key the app secret, IV the UTF-8 bytes of the nonce, tag appended,
 * associated data when given), the body signed with AES-256-ECB over
 * {@code timestamp\nnonce\nbody} and Base64-encoded.
 *
 * @author TokenPay Spring Boot team
 */
final class NotificationVectors {

	static final String APP_ID = TestCredentials.APP_ID;

	static final String MCH_ID = TestCredentials.MCH_ID;

	static final String SECRET = TestCredentials.APP_SECRET;

	static final String OTHER_SECRET = TestCredentials.OTHER_SECRET;

	static final String RESOURCE_NONCE = "fdasflkja484";

	static final String PAYOUT_DETAIL = "{\"out_trade_no\":\"order-1042\",\"transaction_id\":"
			+ "\"e98b3029477f4bdcb971797a9d9e09ce\",\"trade_state\":\"SUCCESS\",\"amount\":15000000,\"decimals\":6,"
			+ "\"chain\":\"TRON\",\"currency\":\"USDT\",\"to_address\":\"TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w\","
			+ "\"tx_id\":\"9fdf0ab5a33a\",\"pay_time\":1673407329000,\"status\":2}";

	static final String PAY_IN_DETAIL = "{\"out_trade_no\":\"cart-7\",\"transaction_id\":"
			+ "\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\",\"trade_state\":\"SUCCESS\",\"amount\":\"9990000\",\"decimals\":6,"
			+ "\"chain\":\"TRON\",\"currency\":{\"currency\":\"USDT\",\"decimal\":6},\"block_no\":33215220}";

	private NotificationVectors() {
	}

	static String encrypt(String secret, String nonce, String plaintext, String associatedData) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
			if (associatedData != null) {
				cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			}
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(String secret, String timestamp, String nonce, String body) {
		try {
			Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"));
			byte[] signed = cipher.doFinal((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String envelope(String appId, String eventType, String resource) {
		return "{\"app_id\":\"" + appId + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"create_time\":\"2023-06-26T17:21:17.754429+08:00\",\"resource_type\":\"encrypt-resource\","
				+ "\"event_type\":\"" + eventType + "\",\"resource\":" + resource + "}";
	}

	static String resource(String originalType, String ciphertext, String associatedData) {
		return "{\"original_type\":\"" + originalType + "\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
				+ ciphertext + "\","
				+ ((associatedData != null) ? "\"associated_data\":\"" + associatedData + "\"," : "") + "\"nonce\":\""
				+ RESOURCE_NONCE + "\"}";
	}

	static Delivery delivery(String eventType, String originalType, String detail, String associatedData) {
		String body = envelope(APP_ID, eventType,
				resource(originalType, encrypt(SECRET, RESOURCE_NONCE, detail, associatedData), associatedData));
		return signed(body);
	}

	static Delivery signed(String body) {
		String timestamp = Long.toString(System.currentTimeMillis());
		return signed(body, timestamp, SECRET);
	}

	static Delivery signed(String body, String timestamp, String secret) {
		String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("TTPay-Timestamp", timestamp);
		headers.put("TTPay-Nonce", nonce);
		headers.put("TTPay-Signature", sign(secret, timestamp, nonce, body));
		return new Delivery(headers, body);
	}

	/**
	 * Headers and body of one delivery.
	 */
	record Delivery(Map<String, String> headers, String body) {

		byte[] bytes() {
			return this.body.getBytes(StandardCharsets.UTF_8);
		}

		Delivery withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			if (value == null) {
				headers.remove(name);
			}
			else {
				headers.put(name, value);
			}
			return new Delivery(headers, this.body);
		}

		Delivery withBody(String body) {
			return new Delivery(this.headers, body);
		}

	}

}
