package me.tokenpay.spring.client.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.NotificationVectors.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static me.tokenpay.spring.client.notification.NotificationVectors.APP_ID;
import static me.tokenpay.spring.client.notification.NotificationVectors.OTHER_SECRET;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAYOUT_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.PAY_IN_DETAIL;
import static me.tokenpay.spring.client.notification.NotificationVectors.RESOURCE_NONCE;
import static me.tokenpay.spring.client.notification.NotificationVectors.SECRET;
import static me.tokenpay.spring.client.notification.NotificationVectors.delivery;
import static me.tokenpay.spring.client.notification.NotificationVectors.encrypt;
import static me.tokenpay.spring.client.notification.NotificationVectors.envelope;
import static me.tokenpay.spring.client.notification.NotificationVectors.resource;
import static me.tokenpay.spring.client.notification.NotificationVectors.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TokenPayNotificationParser} against notifications built with the JDK's
 * own ciphers from TokenPay's documented recipe, and against malformed and hostile
 * deliveries.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayNotificationParserTests {

	private final TokenPayNotificationParser parser = new TokenPayNotificationParser(
			NotificationKeys.of(new TokenPayCredentials(APP_ID, NotificationVectors.MCH_ID, SECRET)),
			Duration.ofHours(24), 64 * 1024, Clock.systemUTC());

	@Test
	void payoutNotificationInTheEnglishSpellingWithoutAssociatedData() {
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		TokenPayNotification notification = this.parser.parse(delivery.headers(), delivery.bytes());
		assertThat(notification.appId()).isEqualTo(APP_ID);
		assertThat(notification.mchId()).isEqualTo("12345678");
		assertThat(notification.createTime()).isEqualTo(OffsetDateTime.parse("2023-06-26T17:21:17.754429+08:00"));
		assertThat(notification.eventType()).isEqualTo(NotificationEventType.PAYPAYOUT_SUCCESS);
		assertThat(notification.eventType().isPayoutSuccess()).isTrue();
		assertThat(notification.originalType()).isEqualTo("payout");
		assertThat(notification.isPayout()).isTrue();
		assertThat(notification.isPayIn()).isFalse();
		assertThat(notification.payout().outTradeNo()).isEqualTo("order-1042");
		assertThat(notification.payout().amount()).isEqualByComparingTo("15");
		assertThat(notification.payout().chain()).isEqualTo(Chain.TRON);
		assertThat(notification.payout().txId()).isEqualTo("9fdf0ab5a33a");
		assertThat(notification.tradeState()).isEqualTo(TradeState.SUCCESS);
		assertThat(notification.transactionId()).isEqualTo("e98b3029477f4bdcb971797a9d9e09ce");
		assertThat(notification.resourceJson()).isEqualTo(PAYOUT_DETAIL);
		assertThat(notification.envelopeJson()).isEqualTo(delivery.body());
		assertThat(notification.deduplicationKey())
			.isEqualTo(APP_ID + ":PAYPAYOUT.SUCCESS:e98b3029477f4bdcb971797a9d9e09ce:SUCCESS");
	}

	@Test
	void payoutNotificationInTheChineseSpellingWithAssociatedData() {
		Delivery delivery = delivery("PAYPAYANOTHER.SUCCESS", "payanother", PAYOUT_DETAIL, "transaction");
		TokenPayNotification notification = this.parser.parse(delivery.headers(), delivery.bytes());
		assertThat(notification.eventType()).isEqualTo(NotificationEventType.PAYPAYANOTHER_SUCCESS);
		assertThat(notification.eventType().isPayoutSuccess()).isTrue();
		assertThat(notification.payout().transactionId()).isEqualTo("e98b3029477f4bdcb971797a9d9e09ce");
	}

	@Test
	void payInNotificationIsMatchedByItsResourceTypeWhateverItsEventType() {
		Delivery delivery = delivery("ORDER.PAID", "transaction", PAY_IN_DETAIL, null);
		TokenPayNotification notification = this.parser.parse(delivery.headers(), delivery.bytes());
		assertThat(notification.isPayIn()).isTrue();
		assertThat(notification.transaction().amount()).isEqualByComparingTo("9.99");
		assertThat(notification.transaction().currency()).isEqualTo("USDT");
		assertThat(notification.outTradeNo()).isEqualTo("cart-7");
		assertThat(notification.eventType().isPayoutSuccess()).isFalse();
	}

	@Test
	void notificationOfAnUnknownResourceTypeKeepsItsJsonOnly() {
		Delivery delivery = delivery("WALLET.DEPOSIT", "wallet", "{\"wallet_address\":\"T1\"}", null);
		TokenPayNotification notification = this.parser.parse(delivery.headers(), delivery.bytes());
		assertThat(notification.payout()).isNull();
		assertThat(notification.transaction()).isNull();
		assertThat(notification.resourceJson()).isEqualTo("{\"wallet_address\":\"T1\"}");
		assertThat(notification.deduplicationKey()).startsWith(APP_ID + ":WALLET.DEPOSIT:sha256-");
	}

	@Test
	void headerNamesAreMatchedInAnyCase() {
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		Map<String, String> lowerCase = new TreeMap<>();
		delivery.headers().forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
		assertThat(this.parser.parse(lowerCase, delivery.bytes()).isPayout()).isTrue();
		Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		delivery.headers().forEach((name, value) -> caseInsensitive.put(name.toUpperCase(Locale.ROOT), value));
		Function<String, String> lookup = caseInsensitive::get;
		assertThat(this.parser.parse(lookup, delivery.bytes()).isPayout()).isTrue();
	}

	@Test
	void timestampInSecondsIsAccepted() {
		String body = envelope(APP_ID, "PAYPAYOUT.SUCCESS",
				resource("payout", encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null), null));
		Delivery delivery = signed(body, Long.toString(Instant.now().getEpochSecond()), SECRET);
		assertThat(this.parser.parse(delivery.headers(), delivery.bytes()).isPayout()).isTrue();
	}

	@Test
	void zeroToleranceAcceptsAnyTimestamp() {
		TokenPayNotificationParser lenient = new TokenPayNotificationParser(
				NotificationKeys.of(new TokenPayCredentials(APP_ID, "12345678", SECRET)), Duration.ZERO, 1024 * 1024,
				Clock.systemUTC());
		String body = envelope(APP_ID, "PAYPAYOUT.SUCCESS",
				resource("payout", encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null), null));
		Delivery delivery = signed(body, "1554209980", SECRET);
		assertThat(lenient.parse(delivery.headers(), delivery.bytes()).isPayout()).isTrue();
	}

	@Test
	void toStringShowsIdsButNeverTheDecryptedResource() {
		Delivery delivery = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		TokenPayNotification notification = this.parser.parse(delivery.headers(), delivery.bytes());
		assertThat(notification.toString()).contains("e98b3029477f4bdcb971797a9d9e09ce")
			.doesNotContain("TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
			.doesNotContain("9fdf0ab5a33a")
			.doesNotContain(SECRET);
		assertThat(notification.payout().toString()).doesNotContain("9fdf0ab5a33a").doesNotContain("{");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileDeliveries")
	void hostileDeliveryFailsWithItsTypedException(String description, Delivery delivery,
			Class<? extends TokenPayNotificationException> expected) {
		assertThatExceptionOfType(expected).isThrownBy(() -> this.parser.parse(delivery.headers(), delivery.bytes()))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isNotBlank()
					.doesNotContain(SECRET)
					.doesNotContain(OTHER_SECRET)
					.doesNotContain("order-1042");
				if (delivery.body().length() > 20) {
					assertThat(ex.getMessage()).doesNotContain(delivery.body());
				}
				assertThat(ex.getOutcome()).isNotNull();
			});
	}

	static Stream<Arguments> hostileDeliveries() {
		Delivery good = delivery("PAYPAYOUT.SUCCESS", "payout", PAYOUT_DETAIL, null);
		String goodBody = good.body();
		String encrypted = encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null);
		String signature = good.headers().get("TTPay-Signature");
		String flipped = ((signature.charAt(0) == 'A') ? "B" : "A") + signature.substring(1);
		byte[] sealed = Base64.getDecoder().decode(encrypted);
		sealed[sealed.length - 1] ^= 1;
		String tamperedCiphertext = Base64.getEncoder().encodeToString(sealed);
		String old = Long.toString(Instant.now().minus(Duration.ofHours(25)).toEpochMilli());
		String future = Long.toString(Instant.now().plus(Duration.ofHours(25)).toEpochMilli());
		return Stream.of(
				arguments("no timestamp header", good.withHeader("TTPay-Timestamp", null),
						TokenPayNotificationSignatureException.class),
				arguments("no nonce header", good.withHeader("TTPay-Nonce", null),
						TokenPayNotificationSignatureException.class),
				arguments("no signature header", good.withHeader("TTPay-Signature", null),
						TokenPayNotificationSignatureException.class),
				arguments("no headers at all", new Delivery(Map.of(), goodBody),
						TokenPayNotificationSignatureException.class),
				arguments("blank signature", good.withHeader("TTPay-Signature", "  "),
						TokenPayNotificationSignatureException.class),
				arguments("overlong nonce", good.withHeader("TTPay-Nonce", "n".repeat(65)),
						TokenPayNotificationSignatureException.class),
				arguments("nonce with a control character", good.withHeader("TTPay-Nonce", "abc\u0001def"),
						TokenPayNotificationSignatureException.class),
				arguments("signature with a space inside", good.withHeader("TTPay-Signature", "abc def"),
						TokenPayNotificationSignatureException.class),
				arguments("overlong signature", good.withHeader("TTPay-Signature", "A".repeat(4000)),
						TokenPayNotificationSignatureException.class),
				arguments("signature probe text", good.withHeader("TTPay-Signature", "TTPAY/SIGNTEST/abc"),
						TokenPayNotificationSignatureException.class),
				arguments("one signature character changed", good.withHeader("TTPay-Signature", flipped),
						TokenPayNotificationSignatureException.class),
				arguments("signed with another secret",
						signed(goodBody, Long.toString(System.currentTimeMillis()), OTHER_SECRET),
						TokenPayNotificationSignatureException.class),
				arguments("body re-serialised after signing", good.withBody(goodBody.replace(",", ", ")),
						TokenPayNotificationSignatureException.class),
				arguments("timestamp that is no number", signed(goodBody, "yesterday", SECRET),
						TokenPayNotificationSignatureException.class),
				arguments("timestamp of 14 digits", signed(goodBody, "17000000000000", SECRET),
						TokenPayNotificationSignatureException.class),
				arguments("timestamp 25 hours old", signed(goodBody, old, SECRET),
						TokenPayNotificationSignatureException.class),
				arguments("timestamp 25 hours ahead", signed(goodBody, future, SECRET),
						TokenPayNotificationSignatureException.class),
				arguments("unknown app id", signed(goodBody.replace(APP_ID, "0".repeat(32))),
						TokenPayUnknownMerchantException.class),
				arguments("body that is no JSON", signed("app_id=" + APP_ID),
						TokenPayMalformedNotificationException.class),
				arguments("empty body", signed(""), TokenPayMalformedNotificationException.class),
				arguments("JSON array body", signed("[" + goodBody + "]"),
						TokenPayMalformedNotificationException.class),
				arguments("body with trailing data", signed(goodBody + "{}"),
						TokenPayMalformedNotificationException.class),
				arguments("body with a duplicate app_id",
						signed(goodBody.replace("{\"app_id\"", "{\"app_id\":\"x\",\"app_id\"")),
						TokenPayMalformedNotificationException.class),
				arguments("body over the size limit",
						signed(goodBody.replace("}", "," + "\"p\":\"" + "x".repeat(70_000) + "\"}")),
						TokenPayMalformedNotificationException.class),
				arguments("no app_id", signed(goodBody.replace("\"app_id\"", "\"appid\"")),
						TokenPayMalformedNotificationException.class),
				arguments("app_id that is a number", signed(goodBody.replace("\"" + APP_ID + "\"", "42")),
						TokenPayMalformedNotificationException.class),
				arguments("no resource", signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS", "null")),
						TokenPayMalformedNotificationException.class),
				arguments("resource that is a string", signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS", "\"x\"")),
						TokenPayMalformedNotificationException.class),
				arguments("no event type", signed(goodBody.replace("\"event_type\"", "\"type\"")),
						TokenPayMalformedNotificationException.class),
				arguments("no ciphertext", signed(goodBody.replace("\"ciphertext\"", "\"cipher\"")),
						TokenPayMalformedNotificationException.class),
				arguments("no resource nonce", signed(goodBody.replace("\"nonce\"", "\"iv\"")),
						TokenPayMalformedNotificationException.class),
				arguments("AES-256-ECB resource", signed(goodBody.replace("AEAD_AES_256_GCM", "AES-256-ECB")),
						TokenPayNotificationDecryptionException.class),
				arguments("ciphertext that is no Base64", signed(goodBody.replace(encrypted, "***")),
						TokenPayNotificationDecryptionException.class),
				arguments("ciphertext shorter than its tag", signed(goodBody.replace(encrypted, "AAAA")),
						TokenPayNotificationDecryptionException.class),
				arguments("ciphertext with a flipped bit", signed(goodBody.replace(encrypted, tamperedCiphertext)),
						TokenPayNotificationDecryptionException.class),
				arguments("resource encrypted with another key",
						signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS",
								resource("payout", encrypt(OTHER_SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null), null))),
						TokenPayNotificationDecryptionException.class),
				arguments("associated data used but not sent",
						signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS",
								resource("payout", encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, "transaction"),
										null))),
						TokenPayNotificationDecryptionException.class),
				arguments("associated data sent but not used",
						signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS",
								resource("payout", encrypt(SECRET, RESOURCE_NONCE, PAYOUT_DETAIL, null),
										"transaction"))),
						TokenPayNotificationDecryptionException.class),
				arguments("decrypted resource that is no JSON",
						signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS",
								resource("payout", encrypt(SECRET, RESOURCE_NONCE, "order-1042 paid", null), null))),
						TokenPayMalformedNotificationException.class),
				arguments("decrypted resource that is an array",
						signed(envelope(APP_ID, "PAYPAYOUT.SUCCESS", resource("payout",
								encrypt(SECRET, RESOURCE_NONCE, "[" + PAYOUT_DETAIL + "]", null), null))),
						TokenPayMalformedNotificationException.class));
	}

	private static Arguments arguments(String description, Delivery delivery,
			Class<? extends TokenPayNotificationException> expected) {
		return Arguments.of(description, delivery, expected);
	}

	@Test
	void failuresMapToTheirObservedOutcomes() {
		assertThat(new TokenPayNotificationSignatureException("x").getOutcome())
			.isEqualTo(NotificationOutcome.BAD_SIGNATURE);
		assertThat(new TokenPayNotificationDecryptionException("x").getOutcome())
			.isEqualTo(NotificationOutcome.DECRYPT_ERROR);
		assertThat(new TokenPayMalformedNotificationException("x").getOutcome())
			.isEqualTo(NotificationOutcome.MALFORMED);
		assertThat(new TokenPayUnknownMerchantException("a\nb").getMessage()).doesNotContain("\n");
		assertThat("x".getBytes(StandardCharsets.UTF_8)).isNotEmpty();
	}

}
