package me.tokenpay.spring.autoconfigure;

/**
 * Thrown at start-up when a {@code tokenpay.*} property is missing or unusable. Reported
 * by {@link InvalidTokenPayPropertyFailureAnalyzer}.
 *
 * @author TokenPay Spring Boot team
 */
public class InvalidTokenPayPropertyException extends RuntimeException {

	/**
	 * The property to fix.
	 */
	private final String property;

	/**
	 * What to do about it.
	 */
	private final String action;

	/**
	 * Create a new instance.
	 * @param property the full name of the property to fix
	 * @param problem what is wrong with it, never its value when it is secret
	 * @param action what to do
	 */
	public InvalidTokenPayPropertyException(String property, String problem, String action) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the full name of the property to fix.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
