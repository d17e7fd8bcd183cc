package me.tokenpay.spring.client.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.NotificationVectors.Delivery;
import org.junit.jupiter.api.Test;

import static me.tokenpay.spring.client.notification.NotificationVectors.APP_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.MCH_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAYOUT_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAY_IN_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.RESOURCE_NONCE;
import static me.tokenpay.spring.client.notification.NotificationVectors.SECRET;
import static me.tokenpay.spring.client.notification.NotificationVectors.delivery;
import static me.tokenpay.spring.client.notification.NotificationVectors.encrypt;
import static me.tokenpay.spring.client.notification.NotificationVectors.envelope;
import static me.tokenpay.spring.client.notification.NotificationVectors.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the notification types at the edges of what they accept: sizes and lengths at
 * their limits and one past, the characters a header may hold, deduplication keys of
 * resources without an id or a state, and settings that cannot work.
 *
 * @author TokenPay Spring Boot team
 */
class NotificationEdgesTests {

	private static final NotificationKeys KEYS = NotificationKeys.of(new TokenPayCredentials(APP_ID, MCH_ID, SECRET));

	private final TokenPayNotificationParser parser = parser(64 * 1024);

	@Test
	void aBodyOfExactlyTheMaximumSizeIsReadAndOneByteMoreIsNot() {
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		int size = delivery.bytes().length;
		assertThat(parser(size).parse(delivery.headers(), delivery.bytes()).isPayout()).isTrue();
		assertThatExceptionOfType(TokenPayMalformedNotificationException.class)
			.isThrownBy(() -> parser(size - 1).parse(delivery.headers(), delivery.bytes()))
			.withMessage("Notification body of " + size + " bytes exceeds the maximum of " + (size - 1));
	}

	@Test
	void aSignatureLongerThanTheCipherCanMakeIsMalformedAndAShorterOneDoesNotMatch() {
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		String signature = delivery.headers().get("TTPay-Signature");
		assertThatExceptionOfType(TokenPayNotificationSignatureException.class)
			.isThrownBy(() -> parse(delivery.withHeader("TTPay-Signature", signature + "A")))
			.withMessage("Notification has a malformed TTPay-Signature header");
		assertThatExceptionOfType(TokenPayNotificationSignatureException.class)
			.isThrownBy(() -> parse(delivery.withHeader("TTPay-Signature", signature.substring(4))))
			.withMessageContaining("does not match");
	}

	@Test
	void signaturesOfEveryBodyLengthAroundABlockAreAccepted() {
		for (int padding = 0; padding < 48; padding++) {
			String body = envelope(APP_ID, "PAYPAYOUT.SUCCESS",
					resource("payout", encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null), null))
				.replace("{\"app_id\"", "{" + " ".repeat(padding) + "\"app_id\"");
			assertThat(parse(NotificationVectors.signed(body)).isPayout()).as("padding %d", padding).isTrue();
		}
	}

	@Test
	void aNonceMayHoldEveryPrintableCharacterButCommaAndSemicolonUpToSixtyFour() {
		String printable = "!\"#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
		for (int start = 0; start < printable.length(); start += 64) {
			String nonce = printable.substring(start, Math.min(printable.length(), start + 64));
			assertThat(parse(signedWithNonce(nonce)).isPayout()).as(nonce).isTrue();
		}
		assertThat(parse(signedWithNonce("n".repeat(64))).isPayout()).isTrue();
		for (String nonce : List.of("n".repeat(65), "a b", "a\u007fb", "a,b", "a;b", "a\u00e9b")) {
			assertThatExceptionOfType(TokenPayNotificationSignatureException.class)
				.isThrownBy(() -> parse(signedWithNonce(nonce)))
				.as(nonce)
				.withMessage("Notification has a malformed TTPay-Nonce header");
		}
	}

	@Test
	void aTimestampOfThirteenDigitsIsMillisecondsAndFourteenAreRefused() {
		TokenPayNotificationParser anyTime = new TokenPayNotificationParser(KEYS, Duration.ZERO, 64 * 1024,
				Clock.systemUTC());
		String body = payoutBody(PAYOUT_DETAIL);
		assertThat(anyTime
			.parse(NotificationVectors.signed(body, "9999999999999", SECRET).headers()::get,
					body.getBytes(StandardCharsets.UTF_8))
			.isPayout()).isTrue();
		Delivery fourteen = NotificationVectors.signed(body, "09999999999999", SECRET);
		assertThatExceptionOfType(TokenPayNotificationSignatureException.class)
			.isThrownBy(() -> anyTime.parse(fourteen.headers()::get, fourteen.bytes()))
			.withMessage("Notification TTPay-Timestamp is not epoch seconds or milliseconds");
	}

	@Test
	void aTimestampExactlyTheToleranceAwayIsAcceptedAndOneMillisecondMoreIsNot() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		TokenPayNotificationParser parser = new TokenPayNotificationParser(KEYS, Duration.ofHours(24), 64 * 1024,
				Clock.fixed(now, ZoneOffset.UTC));
		String body = payoutBody(PAYOUT_DETAIL);
		for (long offset : new long[] { -86_400_000, 86_400_000 }) {
			Delivery edge = NotificationVectors.signed(body, Long.toString(now.toEpochMilli() + offset), SECRET);
			assertThat(parser.parse(edge.headers()::get, edge.bytes()).isPayout()).isTrue();
			long beyond = offset + Long.signum(offset);
			Delivery late = NotificationVectors.signed(body, Long.toString(now.toEpochMilli() + beyond), SECRET);
			assertThatExceptionOfType(TokenPayNotificationSignatureException.class)
				.isThrownBy(() -> parser.parse(late.headers()::get, late.bytes()))
				.withMessageContaining("further from now than the tolerance");
		}
	}

	@Test
	void aCiphertextOfExactlyATagIsDecryptedAndFailsItsCheck() {
		String tagOnly = Base64.getEncoder().encodeToString(new byte[16]);
		String fifteen = Base64.getEncoder().encodeToString(new byte[15]);
		assertThatExceptionOfType(TokenPayNotificationDecryptionException.class)
			.isThrownBy(() -> parse(NotificationVectors.signed(payoutBodyWithCiphertext(fifteen))))
			.withMessage("Notification ciphertext is shorter than its GCM tag");
		assertThatExceptionOfType(TokenPayNotificationDecryptionException.class)
			.isThrownBy(() -> parse(NotificationVectors.signed(payoutBodyWithCiphertext(tagOnly))))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("shorter"));
	}

	@Test
	void aResourceWithoutTradeStateIsKeyedByItsNumericStatus() {
		String detail = PAYOUT_DETAIL.replace("\"trade_state\":\"SUCCESS\",", "");
		TokenPayNotification paid = parse(delivery("PAYPAYOUT.SUCCESS", "wallet", detail, null));
		assertThat(paid.deduplicationKey()).isEqualTo(APP_ID + ":PAYPAYOUT.SUCCESS:e98b3029477f4bdcb971797a9d9e09ce:2");
		TokenPayNotification textStatus = parse(
				delivery("PAYPAYOUT.SUCCESS", "wallet", detail.replace("\"status\":2", "\"status\":\"2\""), null));
		assertThat(textStatus.deduplicationKey())
			.isEqualTo(APP_ID + ":PAYPAYOUT.SUCCESS:e98b3029477f4bdcb971797a9d9e09ce:");
	}

	@Test
	void aResourceWithoutAnIdIsKeyedByTheDigestOfItsNonceAndCiphertext() throws Exception {
		String ciphertext = encrypt(SECRET, RESOURCE_NONCE, "{\"wallet_address\":\"T1\"}", null);
		TokenPayNotification notification = parse(
				NotificationVectors.signed(envelope(APP_ID, "WALLET.DEPOSIT", resource("wallet", ciphertext, null))));
		String digest = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest((RESOURCE_NONCE + "\n" + ciphertext).getBytes(StandardCharsets.UTF_8)));
		assertThat(notification.deduplicationKey()).isEqualTo(APP_ID + ":WALLET.DEPOSIT:sha256-" + digest + ":");
	}

	@Test
	void aPayInNotificationAnswersForItsTransaction() {
		TokenPayNotification notification = parse(
				delivery("PAYTRANSACTION.SUCCESS", "transaction", PAY_IN_DETAIL, null));
		assertThat(notification.isPayout()).isFalse();
		assertThat(notification.isPayIn()).isTrue();
		assertThat(notification.transactionId()).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
		assertThat(notification.outTradeNo()).isEqualTo("cart-7");
		assertThat(notification.tradeState()).isEqualTo(TradeState.SUCCESS);
		assertThat(new PayInNotificationEvent(notification).getMerchant()).isEqualTo("default");
		TokenPayNotification other = parse(delivery("WALLET.DEPOSIT", "wallet", "{}", null));
		assertThat(other.transactionId()).isNull();
		assertThat(other.outTradeNo()).isNull();
		assertThat(other.tradeState()).isNull();
	}

	@Test
	void typesSayWhatTheyHold() {
		assertThat(NotificationEventType.of("WALLET.DEPOSIT")).hasToString("WALLET.DEPOSIT");
		assertThatIllegalArgumentException().isThrownBy(() -> NotificationEventType.of(null))
			.withMessage("Value must not be null");
		assertThat(new NotificationKeys.Key("eu", SECRET)).hasToString("Key[merchant=eu, appSecret=******]");
		assertThat(NotificationReply.of(NotificationOutcome.SUCCESS).isAcknowledged()).isTrue();
		assertThat(NotificationReply.of(NotificationOutcome.HANDLER_ERROR).isAcknowledged()).isFalse();
		assertThat(new TokenPayUnknownMerchantException("abc").getAppId()).isEqualTo("abc");
	}

	@Test
	void settingsThatCannotWorkAreRefusedAndTheSmallestThatCanAreAccepted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayNotificationParser(null, Duration.ZERO, 1, Clock.systemUTC()))
			.withMessage("Keys must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayNotificationParser(KEYS, Duration.ofNanos(-1), 1, Clock.systemUTC()))
			.withMessage("Timestamp tolerance must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPayNotificationParser(KEYS, Duration.ZERO, 0, Clock.systemUTC()))
			.withMessage("Maximum body size must be positive");
		assertThat(new TokenPayNotificationParser(KEYS, Duration.ZERO, 1, Clock.systemUTC())).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryNotificationDeduplicator(0, Clock.systemUTC()))
			.withMessage("Maximum entries must be positive");
		assertThat(new InMemoryNotificationDeduplicator(1, Clock.systemUTC()).size()).isZero();
		InMemoryNotificationDeduplicator deduplicator = new InMemoryNotificationDeduplicator(1, Clock.systemUTC());
		Duration nano = Duration.ofNanos(1);
		assertThatIllegalArgumentException().isThrownBy(() -> dispatcher(deduplicator, Duration.ZERO, nano))
			.withMessage("Lease must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> dispatcher(deduplicator, nano, Duration.ZERO))
			.withMessage("Retention must be positive");
		assertThat(dispatcher(deduplicator, nano, nano)).isNotNull();
	}

	private TokenPayNotificationDispatcher dispatcher(TokenPayNotificationDeduplicator deduplicator, Duration lease,
			Duration retention) {
		return new TokenPayNotificationDispatcher(this.parser, deduplicator, List.of(), null, ObservationRegistry.NOOP,
				lease, retention);
	}

	private static TokenPayNotificationParser parser(long maxBodySize) {
		return new TokenPayNotificationParser(KEYS, Duration.ofHours(24), maxBodySize, Clock.systemUTC());
	}

	private TokenPayNotification parse(Delivery delivery) {
		return this.parser.parse(delivery.headers()::get, delivery.bytes());
	}

	private static String payoutBody(String detail) {
		return payoutBodyWithCiphertext(encrypt(SECRET, RESOURCE_NONCE, detail, null));
	}

	private static String payoutBodyWithCiphertext(String ciphertext) {
		return envelope(APP_ID, "PAYPAYOUT.SUCCESS", resource("payout", ciphertext, null));
	}

	private static Delivery signedWithNonce(String nonce) {
		String body = payoutBody(PAYOUT_DETAIL);
		String timestamp = Long.toString(System.currentTimeMillis());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("TTPay-Timestamp", timestamp);
		headers.put("TTPay-Nonce", nonce);
		headers.put("TTPay-Signature", NotificationVectors.sign(SECRET, timestamp, nonce, body));
		return new Delivery(headers, body);
	}

}
