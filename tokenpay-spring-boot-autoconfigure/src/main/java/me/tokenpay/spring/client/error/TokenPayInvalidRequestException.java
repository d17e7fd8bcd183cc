package me.tokenpay.spring.client.error;

/**
 * Thrown before anything is sent when an argument of a TokenPay call is unusable, for
 * example a negative amount or a blank address. {@link #getField()} names the request
 * field at fault, as the request record names it ({@code amount}, {@code toAddress}).
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayInvalidRequestException extends IllegalArgumentException {

	/**
	 * The field at fault.
	 */
	private final String field;

	/**
	 * Create a new instance.
	 * @param field the request field at fault
	 * @param message what is wrong with it, starting with the field's name
	 */
	public TokenPayInvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Return the request field at fault.
	 * @return the field name, for example {@code amount}
	 */
	public String getField() {
		return this.field;
	}

}
