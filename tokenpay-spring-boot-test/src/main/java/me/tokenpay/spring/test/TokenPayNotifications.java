package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.notification.NotificationEventType;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Builds signed, encrypted notifications the way TokenPay does, for tests of the code
 * that receives them: <pre class="code">
 * SignedNotification notification = TokenPayNotifications.forTesting(appSecret)
 *     .appId(appId)
 *     .payoutSucceeded(payout);
 * mockMvc.perform(post("/tokenpay/notifications").headers(...).content(notification.body()));
 * </pre> The resource is encrypted with {@code AEAD_AES_256_GCM} (key the app secret, IV
 * the UTF-8 bytes of a random 16-character nonce, associated data when set) and the body
 * signed over {@code timestamp\nnonce\nbody}, with a millisecond timestamp.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayNotifications {

	/**
	 * The event type this builder gives pay-in notifications; TokenPay documents none.
	 */
	public static final String PAY_IN_EVENT_TYPE = "TRANSACTION.SUCCESS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final String appSecret;

	private String appId = "8e4b8c2e7c0123456789a1cbd3d59e0b";

	private String mchId = "12345678";

	private @Nullable String associatedData;

	private Clock clock = Clock.systemUTC();

	private TokenPayNotifications(String appSecret) {
		Assert.isTrue(appSecret.getBytes(StandardCharsets.UTF_8).length == TokenPayCredentials.APP_SECRET_LENGTH,
				"App secret must be 32 UTF-8 bytes");
		this.appSecret = appSecret;
	}

	/**
	 * Start building notifications signed and encrypted with an app secret.
	 * @param appSecret the app secret, 32 UTF-8 bytes
	 * @return a builder; set the {@link #appId(String) app id} the receiver expects
	 */
	public static TokenPayNotifications forTesting(String appSecret) {
		return new TokenPayNotifications(appSecret);
	}

	/**
	 * Start building notifications for a merchant.
	 * @param credentials the merchant's credentials
	 * @return a builder
	 */
	public static TokenPayNotifications forTesting(TokenPayCredentials credentials) {
		return new TokenPayNotifications(credentials.appSecret()).appId(credentials.appId()).mchId(credentials.mchId());
	}

	/**
	 * Set the app id the notifications name.
	 * @param appId the app id
	 * @return this builder
	 */
	public TokenPayNotifications appId(String appId) {
		this.appId = appId;
		return this;
	}

	/**
	 * Set the merchant id the notifications name.
	 * @param mchId the merchant id
	 * @return this builder
	 */
	public TokenPayNotifications mchId(String mchId) {
		this.mchId = mchId;
		return this;
	}

	/**
	 * Set the {@code associated_data} of the resource; by default there is none, as in
	 * TokenPay's documents.
	 * @param associatedData the associated data
	 * @return this builder
	 */
	public TokenPayNotifications associatedData(@Nullable String associatedData) {
		this.associatedData = associatedData;
		return this;
	}

	/**
	 * Set the clock of the timestamps.
	 * @param clock the clock
	 * @return this builder
	 */
	public TokenPayNotifications clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Build the notification that a payout was paid: {@code PAYPAYOUT.SUCCESS}, resource
	 * type {@code payout}.
	 * @param payout the payout, its {@link Payout#json() raw detail} when it has one
	 * @return the notification
	 */
	public SignedNotification payoutSucceeded(Payout payout) {
		return notification(NotificationEventType.PAYPAYOUT_SUCCESS.value(), "payout", detail(payout));
	}

	/**
	 * Build the notification that a pay-in order was paid: {@value #PAY_IN_EVENT_TYPE},
	 * resource type {@code transaction}.
	 * @param transaction the order, its {@link Transaction#json() raw detail} when it has
	 * one
	 * @return the notification
	 */
	public SignedNotification payInSucceeded(Transaction transaction) {
		String json = transaction.json();
		Assert.notNull(json, "Transaction must have its raw detail");
		return notification(PAY_IN_EVENT_TYPE, "transaction", json);
	}

	/**
	 * Build the notification of a deposit to a monitored wallet. TokenPay's page for it
	 * copies the pay-in one and names no event, so the resource is a {@code transaction}
	 * whose {@code to_address} is the wallet, paid now, under the event type given.
	 * @param eventType the {@code event_type}; any value is accepted by the receiver
	 * @param chain the chain, such as {@code TRON}
	 * @param walletAddress the monitored wallet
	 * @param currency the currency, such as {@code USDT}
	 * @param amount the amount in major units
	 * @param decimals the currency's decimals
	 * @return the notification
	 */
	public SignedNotification walletDeposit(String eventType, String chain, String walletAddress, String currency,
			BigDecimal amount, int decimals) {
		Instant now = this.clock.instant();
		ObjectNode detail = JSON.createObjectNode()
			.put("transaction_id", random(32).toLowerCase(Locale.ROOT))
			.put("trade_state", "SUCCESS")
			.put("amount", amount.movePointRight(decimals).toBigIntegerExact().toString())
			.put("decimals", decimals)
			.put("chain", chain)
			.put("to_address", walletAddress)
			.put("from_address", "T" + random(33))
			.put("tx_id", random(64).toLowerCase(Locale.ROOT))
			.put("block_no", 33215220)
			.put("pay_time", now.toEpochMilli());
		detail.set("currency", JSON.createObjectNode().put("currency", currency).put("decimal", decimals));
		return notification(eventType, "transaction", detail.toString());
	}

	/**
	 * Build a notification of any kind.
	 * @param eventType the {@code event_type}, such as {@code PAYPAYANOTHER.SUCCESS}
	 * @param originalType the {@code resource.original_type}, such as {@code payanother}
	 * @param resourceJson the resource to encrypt
	 * @return the notification
	 */
	public SignedNotification notification(String eventType, String originalType, String resourceJson) {
		String nonce = random(16);
		ObjectNode resource = JSON.createObjectNode()
			.put("original_type", originalType)
			.put("algorithm", TokenPayNotificationParser.ALGORITHM)
			.put("ciphertext", encrypt(resourceJson, nonce))
			.put("nonce", nonce);
		if (this.associatedData != null) {
			resource.put("associated_data", this.associatedData);
		}
		Instant now = this.clock.instant();
		ObjectNode envelope = JSON.createObjectNode()
			.put("app_id", this.appId)
			.put("mch_id", this.mchId)
			.put("create_time", OffsetDateTime.ofInstant(now, ZoneOffset.ofHours(8)).toString())
			.put("resource_type", "encrypt-resource")
			.put("event_type", eventType);
		envelope.set("resource", resource);
		byte[] body = JSON.writeValueAsBytes(envelope);
		return sign(body, Long.toString(now.toEpochMilli()), random(32));
	}

	private SignedNotification sign(byte[] body, String timestamp, String nonce) {
		byte[] prefix = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(TokenPayNotificationParser.TIMESTAMP_HEADER, timestamp);
		headers.put(TokenPayNotificationParser.NONCE_HEADER, nonce);
		headers.put(TokenPayNotificationParser.SIGNATURE_HEADER, new SignatureCipher(this.appSecret).sign(signed));
		return new SignedNotification(headers, body);
	}

	private String encrypt(String plaintext, String nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.appSecret.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
			if (this.associatedData != null) {
				cipher.updateAAD(this.associatedData.getBytes(StandardCharsets.UTF_8));
			}
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static String detail(Payout payout) {
		String json = payout.json();
		if (json != null) {
			return json;
		}
		ObjectNode detail = JSON.createObjectNode();
		putIfSet(detail, "out_trade_no", payout.outTradeNo());
		putIfSet(detail, "transaction_id", payout.transactionId());
		putIfSet(detail, "trade_state", (payout.tradeState() != null) ? payout.tradeState().value() : null);
		if (payout.minorAmount() != null) {
			detail.put("amount", payout.minorAmount());
		}
		if (payout.decimals() != null) {
			detail.put("decimals", payout.decimals());
		}
		putIfSet(detail, "chain", (payout.chain() != null) ? payout.chain().value() : null);
		putIfSet(detail, "currency", payout.currency());
		putIfSet(detail, "to_address", payout.toAddress());
		putIfSet(detail, "tx_id", payout.txId());
		if (payout.payTime() != null) {
			detail.put("pay_time", payout.payTime().toEpochMilli());
		}
		return detail.toString();
	}

	private static void putIfSet(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static String random(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

}
