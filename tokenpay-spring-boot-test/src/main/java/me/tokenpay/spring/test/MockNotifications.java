package me.tokenpay.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import me.tokenpay.spring.client.notification.NotificationEventType;

import org.springframework.util.Assert;

/**
 * The notifications a {@link MockTokenPayServer} delivers when payouts and pay-in orders
 * are paid: their schedule, copies and spoiling, and every delivery attempt.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockNotifications {

	private final NotificationSender sender;

	private volatile String payoutEventType = NotificationEventType.PAYPAYOUT_SUCCESS.value();

	MockNotifications(NotificationSender sender) {
		this.sender = sender;
	}

	/**
	 * Set the waits before each attempt to deliver a notification: the first is the wait
	 * after the payout or order was paid, each next one the wait after a failed attempt.
	 * By default ten attempts after 0, 100, 200, 300 and 500 ms, 1, 1, 2, 2 and 3 s:
	 * TokenPay's schedule (0s/15s/30s/3m/10m/20m/30m/60m/3h/6h) compressed.
	 * @param delays the waits, at least one
	 * @return these notifications
	 */
	public MockNotifications schedule(Duration... delays) {
		Assert.notEmpty(delays, "Delays must not be empty");
		this.sender.schedule(List.of(delays));
		return this;
	}

	/**
	 * Deliver every notification this many times, one copy after the other, each copy
	 * resent until acknowledged: as TokenPay may deliver a notification again after it
	 * was acknowledged.
	 * @param copies the number of copies, 1 by default
	 * @return these notifications
	 */
	public MockNotifications copies(int copies) {
		Assert.isTrue(copies > 0, "Copies must be positive");
		this.sender.copies(copies);
		return this;
	}

	/**
	 * Spoil the next notification, every attempt of it.
	 * @param tamper how to spoil it
	 * @return these notifications
	 */
	public MockNotifications tamperNext(NotificationTamper tamper) {
		Assert.notNull(tamper, "Tamper must not be null");
		this.sender.tamperNext(tamper);
		return this;
	}

	/**
	 * Set the event type of payout notifications: {@code PAYPAYOUT.SUCCESS} by default,
	 * as TokenPay's English pages say, or {@code PAYPAYANOTHER.SUCCESS}, as its Chinese
	 * pages say.
	 * @param eventType the event type
	 * @return these notifications
	 */
	public MockNotifications payoutEventType(NotificationEventType eventType) {
		this.payoutEventType = eventType.value();
		return this;
	}

	String payoutEventType() {
		return this.payoutEventType;
	}

	/**
	 * Return every notification delivery attempt since start or the last
	 * {@link MockTokenPayServer#reset()}, oldest first.
	 * @return the attempts
	 */
	public List<NotificationDelivery> deliveries() {
		return this.sender.deliveries();
	}

	/**
	 * Wait until every notification sent so far was acknowledged or ran out of attempts.
	 * @param timeout the longest wait
	 * @return every delivery attempt, oldest first
	 * @throws IllegalStateException if some are still being delivered after the timeout
	 */
	public List<NotificationDelivery> await(Duration timeout) {
		try {
			return this.sender.awaitSettled(timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for notifications", ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	void reset() {
		this.sender.reset();
		this.payoutEventType = NotificationEventType.PAYPAYOUT_SUCCESS.value();
	}

}
