package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TradeState;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a decoded {@code data} object leniently, as TokenPay's documents
 * disagree on types: a missing field, {@code null} or a value of another type is absent,
 * and numbers are accepted as JSON numbers or as strings of digits.
 *
 * @author TokenPay Spring Boot team
 */
public final class LenientFields {

	private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

	private LenientFields() {
	}

	/**
	 * Read a string field.
	 * @param object the object
	 * @param name the field name
	 * @return the string, {@code null} if absent or not a string
	 */
	public static @Nullable String text(JsonNode object, String name) {
		JsonNode node = object.get(name);
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	/**
	 * Read a whole number field of any size.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent or not a whole number
	 */
	public static @Nullable BigInteger bigInteger(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue();
		}
		if (node.isString()) {
			String text = node.stringValue().trim();
			if (!text.isEmpty() && text.length() <= 80 && text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return new BigInteger(text);
			}
		}
		return null;
	}

	/**
	 * Read a whole number field that fits a {@code long}.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent, not a whole number or too large
	 */
	public static @Nullable Long longValue(JsonNode object, String name) {
		BigInteger value = bigInteger(object, name);
		return (value != null && value.bitLength() < 64) ? value.longValue() : null;
	}

	/**
	 * Read a whole number field that fits an {@code int}.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent, not a whole number or too large
	 */
	public static @Nullable Integer intValue(JsonNode object, String name) {
		BigInteger value = bigInteger(object, name);
		return (value != null && value.bitLength() < 32) ? value.intValue() : null;
	}

	/**
	 * Read an epoch-milliseconds time field.
	 * @param object the object
	 * @param name the field name
	 * @return the instant, {@code null} if absent, {@code 0} or not a whole number
	 */
	public static @Nullable Instant epochMillis(JsonNode object, String name) {
		Long millis = longValue(object, name);
		return (millis != null && millis > 0) ? Instant.ofEpochMilli(millis) : null;
	}

	/**
	 * Read a decimal number field, such as a minimum payment amount.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent or neither a JSON number nor a string of
	 * a plain decimal number
	 */
	public static @Nullable BigDecimal decimal(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isString()) {
			String text = node.stringValue().trim();
			if (text.length() <= 80 && PLAIN_DECIMAL.matcher(text).matches()) {
				return new BigDecimal(text);
			}
		}
		return null;
	}

	/**
	 * Read a yes/no field sent as {@code 1}/{@code 0} (a number or a string) or as a JSON
	 * boolean.
	 * @param object the object
	 * @param name the field name
	 * @return the flag, {@code null} if absent or of another value
	 */
	public static @Nullable Boolean flag(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node != null && node.isBoolean()) {
			return node.booleanValue();
		}
		Integer value = intValue(object, name);
		if (value == null || value < 0 || value > 1) {
			return null;
		}
		return value == 1;
	}

	/**
	 * Read a chain field.
	 * @param object the object
	 * @param name the field name
	 * @return the chain, {@code null} if absent, blank, longer than 32 characters or
	 * containing whitespace or control characters
	 */
	public static @Nullable Chain chain(JsonNode object, String name) {
		String chain = text(object, name);
		if (chain == null || chain.isBlank() || chain.length() > 32
				|| chain.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return null;
		}
		return Chain.of(chain);
	}

	/**
	 * Read the {@code trade_state} field.
	 * @param object the object
	 * @return the state, {@code null} if absent
	 */
	public static @Nullable TradeState tradeState(JsonNode object) {
		String state = text(object, "trade_state");
		return (state != null) ? TradeState.of(state) : null;
	}

	/**
	 * Read the decimals of a transaction detail: its {@code decimals} field, or the
	 * {@code decimal} of its {@code currency} object.
	 * @param detail the detail object
	 * @return the decimals, {@code null} if neither is a whole number
	 */
	public static @Nullable Integer detailDecimals(JsonNode detail) {
		Integer decimals = intValue(detail, "decimals");
		JsonNode currency = detail.get("currency");
		if (decimals == null && currency != null && currency.isObject()) {
			decimals = intValue(currency, "decimal");
		}
		return decimals;
	}

	/**
	 * Read the currency of a transaction detail: its {@code currency} field when a
	 * string, or the {@code currency} of its {@code currency} object.
	 * @param detail the detail object
	 * @return the currency, {@code null} if neither is a string
	 */
	public static @Nullable String detailCurrency(JsonNode detail) {
		JsonNode currency = detail.get("currency");
		if (currency == null) {
			return null;
		}
		if (currency.isString()) {
			return currency.stringValue();
		}
		return currency.isObject() ? text(currency, "currency") : null;
	}

}
