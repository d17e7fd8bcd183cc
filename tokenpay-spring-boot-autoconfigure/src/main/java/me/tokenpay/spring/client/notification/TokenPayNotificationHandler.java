package me.tokenpay.spring.client.notification;

/**
 * Handles verified notifications. Called synchronously, once per notification (resends
 * and concurrent deliveries of a handled one are filtered out); TokenPay is answered
 * {@code success} only after every handler returned, and a handler that throws makes it
 * send the notification again. Check the amount against your own record and change your
 * state under a row lock: the notification says what happened, your database decides what
 * it means.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface TokenPayNotificationHandler {

	/**
	 * Handle a notification.
	 * @param notification the verified, decrypted notification
	 * @throws Exception to have TokenPay send it again later
	 */
	void handle(TokenPayNotification notification) throws Exception;

}
