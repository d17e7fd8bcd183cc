package me.tokenpay.spring.client.notification;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Finds the app secret that verifies and decrypts a notification, by the {@code app_id}
 * the notification names.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface NotificationKeys {

	/**
	 * Return the app secret of an app id.
	 * @param appId the app id a notification names
	 * @return its app secret, {@code null} if this application does not know it
	 */
	@Nullable String appSecret(String appId);

	/**
	 * Return the keys of one merchant.
	 * @param credentials the merchant's credentials
	 * @return keys that know only its app id
	 */
	static NotificationKeys of(TokenPayCredentials credentials) {
		return (appId) -> credentials.appId().equals(appId) ? credentials.appSecret() : null;
	}

}
