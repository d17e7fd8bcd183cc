package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Checks of request fields, run before anything is sent. Each failure is a
 * {@link TokenPayInvalidRequestException} naming the field.
 *
 * @author TokenPay Spring Boot team
 */
public final class RequestChecks {

	private RequestChecks() {
	}

	/**
	 * Check a required token: an id, address, chain or currency, without whitespace or
	 * control characters.
	 * @param field the field name
	 * @param value the value
	 * @param maxLength the longest value allowed
	 * @return the value
	 */
	public static String token(String field, @Nullable String value, int maxLength) {
		String text = required(field, value, maxLength);
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i)) || Character.isISOControl(text.charAt(i))) {
				throw new TokenPayInvalidRequestException(field,
						field + " must not contain whitespace or control characters");
			}
		}
		return text;
	}

	/**
	 * Check an optional free text, such as a description.
	 * @param field the field name
	 * @param value the value, {@code null} if absent
	 * @param maxLength the longest value allowed
	 * @return the value
	 */
	public static @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		if (value.length() > maxLength) {
			throw new TokenPayInvalidRequestException(field,
					field + " must be at most " + maxLength + " characters but has " + value.length());
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new TokenPayInvalidRequestException(field, field + " must not contain control characters");
		}
		return value;
	}

	/**
	 * The most decimal places an order's amount may have: the most any currency TokenPay
	 * lists has.
	 */
	public static final int MAX_ORDER_DECIMALS = 18;

	/**
	 * Check the fields every order create has: a positive amount of at most
	 * {@value #MAX_ORDER_DECIMALS} decimal places, a chain, a currency code and, when
	 * given, the merchant's order number.
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency code
	 * @param outTradeNo the merchant's order number, {@code null} to have one generated
	 * @return the amount to send
	 * @throws TokenPayInvalidRequestException naming the first unusable field
	 */
	public static BigDecimal order(@Nullable BigDecimal amount, @Nullable Chain chain, @Nullable String currency,
			@Nullable String outTradeNo) {
		BigDecimal checked = amount("amount", amount, MAX_ORDER_DECIMALS);
		if (chain == null) {
			throw new TokenPayInvalidRequestException("chain", "chain must not be null");
		}
		token("currency", currency, 32);
		if (outTradeNo != null) {
			token("outTradeNo", outTradeNo, OrderQuery.MAX_OUT_TRADE_NO_LENGTH);
		}
		return checked;
	}

	/**
	 * Check a required amount in major units.
	 * @param field the field name
	 * @param value the amount
	 * @param maxScale the most fraction digits allowed (the currency's decimals)
	 * @return the amount without trailing zeros, never in exponent form when printed with
	 * {@link BigDecimal#toPlainString()}
	 */
	public static BigDecimal amount(String field, @Nullable BigDecimal value, int maxScale) {
		if (value == null) {
			throw new TokenPayInvalidRequestException(field, field + " must not be null");
		}
		if (value.signum() <= 0) {
			throw new TokenPayInvalidRequestException(field, field + " must be positive");
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > maxScale) {
			throw new TokenPayInvalidRequestException(field,
					field + " must have at most " + maxScale + " decimal places but has " + stripped.scale());
		}
		if (stripped.precision() - stripped.scale() > 30) {
			throw new TokenPayInvalidRequestException(field, field + " must have at most 30 integer digits");
		}
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/**
	 * Check an optional absolute {@code http} or {@code https} URL.
	 * @param field the field name
	 * @param value the URL, {@code null} if absent
	 * @param maxLength the longest value allowed
	 * @return the URL
	 */
	public static @Nullable String optionalUrl(String field, @Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String url = token(field, value, maxLength);
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new TokenPayInvalidRequestException(field, field + " must be an absolute http or https URL");
	}

	private static String required(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new TokenPayInvalidRequestException(field, field + " must not be null or blank");
		}
		if (value.length() > maxLength) {
			throw new TokenPayInvalidRequestException(field,
					field + " must be at most " + maxLength + " characters but has " + value.length());
		}
		return value;
	}

}
