package me.tokenpay.spring.client.notification;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Finds the merchant, and the app secret that verifies and decrypts a notification, by
 * the {@code app_id} the notification names.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface NotificationKeys {

	/**
	 * Return the merchant and app secret of an app id.
	 * @param appId the app id a notification names
	 * @return its key, {@code null} if this application does not know the app id
	 */
	@Nullable Key key(String appId);

	/**
	 * Return the keys of one merchant, named {@code default}.
	 * @param credentials the merchant's credentials
	 * @return keys that know only its app id
	 */
	static NotificationKeys of(TokenPayCredentials credentials) {
		Key key = new Key("default", credentials.appSecret());
		return (appId) -> credentials.appId().equals(appId) ? key : null;
	}

	/**
	 * The merchant an app id belongs to and its app secret.
	 *
	 * @param merchant the merchant's name
	 * @param appSecret its app secret; never printed
	 */
	record Key(String merchant, String appSecret) {

		@Override
		public String toString() {
			return "Key[merchant=" + this.merchant + ", appSecret=******]";
		}

	}

}
