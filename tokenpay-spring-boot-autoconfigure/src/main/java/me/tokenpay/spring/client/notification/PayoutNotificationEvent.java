package me.tokenpay.spring.client.notification;

import java.util.Objects;

import me.tokenpay.spring.client.payout.Payout;

/**
 * Published for a notification about a payout ({@code original_type} {@code payout} or
 * {@code payanother}), such as {@code PAYPAYOUT.SUCCESS}.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutNotificationEvent extends TokenPayNotificationEvent {

	/**
	 * Create an event.
	 * @param notification a payout notification
	 */
	public PayoutNotificationEvent(TokenPayNotification notification) {
		super(notification);
	}

	/**
	 * Return the payout as the notification describes it.
	 * @return the payout
	 */
	public Payout getPayout() {
		return Objects.requireNonNull(getNotification().payout());
	}

}
