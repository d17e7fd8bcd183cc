package me.tokenpay.spring.client.operation;

import java.math.BigInteger;
import java.time.Instant;

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

}
