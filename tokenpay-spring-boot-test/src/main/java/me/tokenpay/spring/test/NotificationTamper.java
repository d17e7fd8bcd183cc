package me.tokenpay.spring.test;

/**
 * How {@link MockTokenPayServer} spoils a notification, to test that the receiver refuses
 * it.
 *
 * @author TokenPay Spring Boot team
 */
public enum NotificationTamper {

	/**
	 * Sent with a signature that does not match its body.
	 */
	SIGNATURE,

	/**
	 * Signed and encrypted with another merchant's app secret.
	 */
	WRONG_KEY

}
