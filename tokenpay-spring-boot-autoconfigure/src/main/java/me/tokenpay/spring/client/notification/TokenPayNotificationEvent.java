package me.tokenpay.spring.client.notification;

import org.springframework.context.ApplicationEvent;

/**
 * Published, synchronously, for every verified notification that was not handled before.
 * {@code @EventListener} methods that throw make TokenPay send the notification again;
 * {@code @Async} and {@code @TransactionalEventListener} listeners run after the answer
 * and cannot. Listen for {@link PayoutNotificationEvent} or
 * {@link PayInNotificationEvent} to receive one kind only.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayNotificationEvent extends ApplicationEvent {

	/**
	 * The verified notification.
	 */
	private final TokenPayNotification notification;

	/**
	 * Create an event.
	 * @param notification the notification
	 */
	public TokenPayNotificationEvent(TokenPayNotification notification) {
		super(notification);
		this.notification = notification;
	}

	/**
	 * Return the notification.
	 * @return the verified, decrypted notification
	 */
	public TokenPayNotification getNotification() {
		return this.notification;
	}

	/**
	 * Return the name of the merchant the notification is for.
	 * @return the merchant name, such as {@code default}
	 */
	public String getMerchant() {
		return this.notification.merchant();
	}

	/**
	 * Return the event for a notification: of the most specific type.
	 * @param notification the notification
	 * @return the event
	 */
	public static TokenPayNotificationEvent of(TokenPayNotification notification) {
		if (notification.payout() != null) {
			return new PayoutNotificationEvent(notification);
		}
		if (notification.transaction() != null) {
			return new PayInNotificationEvent(notification);
		}
		return new TokenPayNotificationEvent(notification);
	}

}
