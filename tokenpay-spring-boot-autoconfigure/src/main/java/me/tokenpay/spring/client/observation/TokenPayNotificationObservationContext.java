package me.tokenpay.spring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code tokenpay.notifications} observation: one notification delivery,
 * from the raw body to the answer.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayNotificationObservationContext extends Observation.Context {

	private @Nullable String eventType;

	private @Nullable String appId;

	private @Nullable String outcome;

	/**
	 * Return the notification's event type, once it was read.
	 * @return the event type as sent, {@code null} before
	 */
	public @Nullable String getEventType() {
		return this.eventType;
	}

	/**
	 * Set the notification's event type.
	 * @param eventType the event type as sent
	 */
	public void setEventType(@Nullable String eventType) {
		this.eventType = eventType;
	}

	/**
	 * Return the app id the notification is for, once verified.
	 * @return the app id, {@code null} before
	 */
	public @Nullable String getAppId() {
		return this.appId;
	}

	/**
	 * Set the app id the notification is for.
	 * @param appId the app id
	 */
	public void setAppId(@Nullable String appId) {
		this.appId = appId;
	}

	/**
	 * Return how the delivery ended.
	 * @return the outcome, such as {@code success}, {@code null} while running
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the delivery ended.
	 * @param outcome the outcome, such as {@code bad-signature}
	 */
	public void setOutcome(@Nullable String outcome) {
		this.outcome = outcome;
	}

}
