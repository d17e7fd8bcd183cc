package me.tokenpay.spring.client.operation;

import me.tokenpay.spring.client.error.GatewayText;

/**
 * Thrown by {@link LenientFields} when a field of an answer or a notification is present
 * but out of its range or of a type that cannot be read as its value: decimals outside
 * 0–36, an amount that is negative, fractional or too long, an epoch time before 1970 or
 * after 9999. The {@link TokenPayExchange} turns it into a
 * {@link me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException}, the
 * notification parser into a malformed notification.
 *
 * @author TokenPay Spring Boot team
 */
public class InvalidFieldException extends IllegalArgumentException {

	private static final int MAX_VALUE_LENGTH = 40;

	/**
	 * The answer's field at fault.
	 */
	private final String field;

	/**
	 * Create a new instance.
	 * @param field the JSON field name
	 * @param value the value as sent, shortened and escaped in the message
	 * @param expected what the field must be, for example {@code a whole number 0-36}
	 */
	public InvalidFieldException(String field, String value, String expected) {
		super("'" + field + "' is " + GatewayText.safe(value, MAX_VALUE_LENGTH) + ", not " + expected);
		this.field = field;
	}

	/**
	 * Return the field that was invalid.
	 * @return the JSON field name
	 */
	public String getField() {
		return this.field;
	}

}
