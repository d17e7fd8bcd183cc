package me.tokenpay.spring.client.notification;

import java.time.Duration;

/**
 * Makes sure a notification is handled once although TokenPay resends it, possibly to
 * several instances at once. A delivery first claims the notification's key for a lease;
 * once its handlers returned it completes the key for the retention time, and if they
 * failed it releases the key so that a resend runs them again. The operations map onto
 * Redis as {@code SET key owner NX PX lease}, {@code SET key done PX retention} and a
 * compare-and-delete.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayNotificationDeduplicator {

	/**
	 * Try to claim a notification for handling.
	 * @param key the notification's deduplication key
	 * @param owner a value unique to this delivery
	 * @param lease how long the claim holds if it is never completed or released, such as
	 * when the instance dies
	 * @return whether this delivery may handle the notification
	 */
	Claim claim(String key, String owner, Duration lease);

	/**
	 * Mark a claimed notification handled.
	 * @param key the notification's deduplication key
	 * @param owner the value the claim was made with
	 * @param retention how long to remember that it was handled
	 */
	void complete(String key, String owner, Duration retention);

	/**
	 * Give up a claim after its handlers failed, if it is still this delivery's.
	 * @param key the notification's deduplication key
	 * @param owner the value the claim was made with
	 */
	void release(String key, String owner);

	/**
	 * The result of a claim.
	 */
	enum Claim {

		/**
		 * Claimed: handle it, then complete or release.
		 */
		CLAIMED,

		/**
		 * Already handled: acknowledge without handling.
		 */
		DONE,

		/**
		 * Being handled by another delivery: let TokenPay resend it later.
		 */
		IN_PROGRESS

	}

}
