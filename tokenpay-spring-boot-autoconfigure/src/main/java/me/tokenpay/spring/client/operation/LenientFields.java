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
 * and numbers are accepted as JSON numbers or as strings of digits. Numbers are
 * range-checked before use: a number that is present but out of its range (decimals
 * outside 0–{@value #MAX_DECIMALS}, an amount that is negative or longer than
 * {@value #MAX_DIGITS} digits, an epoch time before 1970 or after 9999) throws an
 * {@link InvalidFieldException}, never an arithmetic or Jackson exception. The fields an
 * answer is checked against its request by ({@link AnswerField}) are read strictly:
 * present but unreadable is an {@link InvalidFieldException}, not absent.
 *
 * @author TokenPay Spring Boot team
 */
public final class LenientFields {

	/**
	 * The most decimals a currency may have.
	 */
	public static final int MAX_DECIMALS = 36;

	/**
	 * The most digits a whole number may have.
	 */
	public static final int MAX_DIGITS = 60;

	/**
	 * The most digits before the decimal point of a decimal number.
	 */
	private static final int MAX_INTEGER_DIGITS = 40;

	/**
	 * 9999-12-31T23:59:59.999Z.
	 */
	private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

	private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,80}(\\.[0-9]{1,80})?");

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
	 * Read a string field that an answer is checked against its request by, such as
	 * {@code out_trade_no}: a number is read as its digits.
	 * @param object the object
	 * @param name the field name
	 * @return the string, {@code null} if absent or {@code null}
	 * @throws InvalidFieldException if present as another type
	 */
	public static @Nullable String boundText(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isIntegralNumber()) {
			return wholeNumber(node, name).toString();
		}
		throw new InvalidFieldException(name, node.toString(), "a string");
	}

	/**
	 * Read a whole number field of up to {@value #MAX_DIGITS} digits.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent or not a whole number
	 * @throws InvalidFieldException if it has more digits
	 */
	public static @Nullable BigInteger bigInteger(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return wholeNumber(node, name);
		}
		if (node.isString()) {
			String text = node.stringValue().trim();
			if (!text.isEmpty() && text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				if (text.length() > MAX_DIGITS) {
					throw new InvalidFieldException(name, text, "a number of at most " + MAX_DIGITS + " digits");
				}
				return new BigInteger(text);
			}
		}
		return null;
	}

	/**
	 * Read an amount in minor units, strictly: a whole number from 0 (or 1) up to
	 * {@value #MAX_DIGITS} digits, as a JSON number or a string of digits.
	 * @param object the object
	 * @param name the field name
	 * @param positive whether {@code 0} is out of range
	 * @return the amount, {@code null} if absent or {@code null}
	 * @throws InvalidFieldException if present but not such a number
	 */
	public static @Nullable BigInteger minorAmount(JsonNode object, String name, boolean positive) {
		JsonNode node = object.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		BigInteger amount = bigInteger(object, name);
		if (amount == null || amount.signum() < 0 || (positive && amount.signum() == 0)) {
			throw new InvalidFieldException(name, node.toString(),
					(positive ? "a positive" : "a non-negative") + " whole number of minor units");
		}
		return amount;
	}

	/**
	 * Read a number of decimals, strictly.
	 * @param object the object
	 * @param name the field name
	 * @return the decimals, {@code null} if absent or {@code null}
	 * @throws InvalidFieldException if present but not a whole number from 0 to
	 * {@value #MAX_DECIMALS}
	 */
	public static @Nullable Integer decimals(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		BigInteger decimals = bigInteger(object, name);
		if (decimals == null || decimals.signum() < 0 || decimals.compareTo(BigInteger.valueOf(MAX_DECIMALS)) > 0) {
			throw new InvalidFieldException(name, node.toString(), "a whole number from 0 to " + MAX_DECIMALS);
		}
		return decimals.intValue();
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
	 * @throws InvalidFieldException if before 1970 or after 9999
	 */
	public static @Nullable Instant epochMillis(JsonNode object, String name) {
		BigInteger millis = bigInteger(object, name);
		if (millis == null || millis.signum() == 0) {
			return null;
		}
		if (millis.signum() < 0 || millis.compareTo(BigInteger.valueOf(MAX_EPOCH_MILLIS)) > 0) {
			throw new InvalidFieldException(name, millis.toString(), "epoch milliseconds between 1970 and 9999");
		}
		return Instant.ofEpochMilli(millis.longValue());
	}

	/**
	 * Return an amount in major units.
	 * @param minor the amount in minor units, {@code null} if unknown
	 * @param decimals the number of decimals, {@code null} if unknown
	 * @return the amount, {@code null} unless both are known and the decimals are between
	 * 0 and {@value #MAX_DECIMALS}
	 */
	public static @Nullable BigDecimal majorUnits(@Nullable BigInteger minor, @Nullable Integer decimals) {
		return (minor != null && decimals != null && decimals >= 0 && decimals <= MAX_DECIMALS)
				? new BigDecimal(minor, decimals) : null;
	}

	/**
	 * Read an epoch-seconds time field, such as a monitored wallet's creation time.
	 * @param object the object
	 * @param name the field name
	 * @return the instant, {@code null} if absent, {@code 0} or not a whole number
	 * @throws InvalidFieldException if before 1970 or after 9999
	 */
	public static @Nullable Instant epochSeconds(JsonNode object, String name) {
		BigInteger seconds = bigInteger(object, name);
		if (seconds == null || seconds.signum() == 0) {
			return null;
		}
		if (seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(MAX_EPOCH_MILLIS / 1000)) > 0) {
			throw new InvalidFieldException(name, seconds.toString(), "epoch seconds between 1970 and 9999");
		}
		return Instant.ofEpochSecond(seconds.longValue());
	}

	/**
	 * Read a non-negative decimal number field, such as a minimum payment amount.
	 * @param object the object
	 * @param name the field name
	 * @return the number, {@code null} if absent or neither a JSON number nor a string of
	 * a plain decimal number
	 * @throws InvalidFieldException if negative, not finite, with more than
	 * {@value #MAX_DECIMALS} decimals or more than 40 digits before the point
	 */
	public static @Nullable BigDecimal decimal(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null) {
			return null;
		}
		BigDecimal value = null;
		if (node.isNumber()) {
			if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
				throw new InvalidFieldException(name, node.toString(), "a finite number");
			}
			value = node.decimalValue();
		}
		else if (node.isString()) {
			String text = node.stringValue().trim();
			value = PLAIN_DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
		}
		if (value != null && (value.signum() < 0 || value.scale() > MAX_DECIMALS
				|| value.precision() - value.scale() > MAX_INTEGER_DIGITS)) {
			throw new InvalidFieldException(name, node.toString(), "a non-negative number of at most "
					+ MAX_INTEGER_DIGITS + " digits before and " + MAX_DECIMALS + " after the point");
		}
		return value;
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
		return (chain != null && isChain(chain)) ? Chain.of(chain) : null;
	}

	/**
	 * Read a chain field that an answer is checked against its request by.
	 * @param object the object
	 * @param name the field name
	 * @return the chain, {@code null} if absent or {@code null}
	 * @throws InvalidFieldException if present but not a chain name
	 */
	public static @Nullable Chain boundChain(JsonNode object, String name) {
		String chain = boundText(object, name);
		if (chain == null) {
			return null;
		}
		if (!isChain(chain)) {
			throw new InvalidFieldException(name, chain, "a chain name");
		}
		return Chain.of(chain);
	}

	private static boolean isChain(String chain) {
		return !chain.isBlank() && chain.length() <= 32
				&& chain.chars().noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c));
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
	 * @return the decimals, {@code null} if neither is present
	 * @throws InvalidFieldException if the one present is out of range
	 */
	public static @Nullable Integer detailDecimals(JsonNode detail) {
		Integer decimals = decimals(detail, "decimals");
		JsonNode currency = detail.get("currency");
		if (decimals == null && currency != null && currency.isObject()) {
			decimals = decimals(currency, "decimal");
		}
		return decimals;
	}

	/**
	 * Read the currency of a transaction detail: its {@code currency} field when a
	 * string, or the {@code currency} of its {@code currency} object.
	 * @param detail the detail object
	 * @return the currency, {@code null} if absent
	 * @throws InvalidFieldException if present as neither
	 */
	public static @Nullable String detailCurrency(JsonNode detail) {
		JsonNode currency = detail.get("currency");
		if (currency != null && currency.isObject()) {
			return boundText(currency, "currency");
		}
		return boundText(detail, "currency");
	}

	private static BigInteger wholeNumber(JsonNode node, String name) {
		BigInteger value = node.bigIntegerValue();
		if (value.abs().toString().length() > MAX_DIGITS) {
			throw new InvalidFieldException(name, node.toString(), "a number of at most " + MAX_DIGITS + " digits");
		}
		return value;
	}

}
