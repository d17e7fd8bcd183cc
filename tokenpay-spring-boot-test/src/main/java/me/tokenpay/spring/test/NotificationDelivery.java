package me.tokenpay.spring.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of {@link MockTokenPayServer} to deliver a notification.
 *
 * @param url the notification URL
 * @param eventType the notification's event type
 * @param transactionId the id of the payout or pay-in order it is about
 * @param copy which copy of the notification this is, from 1 (more than one when the
 * server sends duplicates)
 * @param attempt which attempt of this copy, from 1
 * @param status the HTTP status answered, {@code 0} when the request failed
 * @param reply the body answered, at most 64 characters, or the failure
 * @param at when the attempt was made
 * @param tamper how the notification was spoiled, if it was
 * @author TokenPay Spring Boot team
 */
public record NotificationDelivery(String url, String eventType, String transactionId, int copy, int attempt,
		int status, String reply, Instant at, @Nullable NotificationTamper tamper) {

	/**
	 * Return whether the receiver acknowledged the notification: TokenPay stops only on
	 * {@code 200} with the body {@code success}.
	 * @return whether this attempt ended the resends
	 */
	public boolean acknowledged() {
		return this.status == 200 && "success".equals(this.reply.trim());
	}

}
