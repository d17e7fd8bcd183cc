package me.tokenpay.spring.client.notification;

import me.tokenpay.spring.client.error.GatewayText;

/**
 * Thrown when a notification names an {@code app_id} this application has no secret for.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayUnknownMerchantException extends TokenPayNotificationException {

	/**
	 * The app id no merchant has.
	 */
	private final String appId;

	/**
	 * Create a new instance.
	 * @param appId the app id the notification names
	 */
	public TokenPayUnknownMerchantException(String appId) {
		super("Notification for unknown app_id " + GatewayText.safe(appId, 64), null);
		this.appId = appId;
	}

	/**
	 * Return the app id the notification names, as sent.
	 * @return the app id
	 */
	public String getAppId() {
		return this.appId;
	}

	@Override
	public NotificationOutcome getOutcome() {
		return NotificationOutcome.UNKNOWN_MERCHANT;
	}

}
