package me.tokenpay.spring.client.notification;

import java.util.Objects;

import me.tokenpay.spring.client.payin.Transaction;

/**
 * Published for a notification about a pay-in order ({@code original_type}
 * {@code transaction}), whatever its {@code event_type}: TokenPay documents no name for
 * it.
 *
 * @author TokenPay Spring Boot team
 */
public class PayInNotificationEvent extends TokenPayNotificationEvent {

	/**
	 * Create an event.
	 * @param notification a pay-in notification
	 */
	public PayInNotificationEvent(TokenPayNotification notification) {
		super(notification);
	}

	/**
	 * Return the pay-in order as the notification describes it.
	 * @return the order
	 */
	public Transaction getTransaction() {
		return Objects.requireNonNull(getNotification().transaction());
	}

}
