package me.tokenpay.spring.client.notification;

/**
 * How the handling of one notification delivery ended: the {@code outcome} of its
 * {@code tokenpay.notifications} observation.
 *
 * @author TokenPay Spring Boot team
 */
public enum NotificationOutcome {

	/**
	 * Verified, decrypted and handled: answered {@code success}.
	 */
	SUCCESS("success"),

	/**
	 * A handler or listener failed: answered {@code fail} so that TokenPay sends it
	 * again.
	 */
	HANDLER_ERROR("handler-error"),

	/**
	 * Missing, malformed or wrong signature headers, or a timestamp outside the
	 * tolerance.
	 */
	BAD_SIGNATURE("bad-signature"),

	/**
	 * The resource could not be decrypted: wrong key, tampered ciphertext or unsupported
	 * algorithm.
	 */
	DECRYPT_ERROR("decrypt-error"),

	/**
	 * Already handled: answered {@code success} without calling the handlers.
	 */
	DUPLICATE("duplicate"),

	/**
	 * Being handled by another delivery: answered {@code fail} so that TokenPay sends it
	 * again later.
	 */
	IN_PROGRESS("in-progress"),

	/**
	 * From an app id this application does not know.
	 */
	UNKNOWN_MERCHANT("unknown-merchant"),

	/**
	 * Not a notification: too large, not JSON, or missing fields.
	 */
	MALFORMED("malformed"),

	/**
	 * The deduplication store failed: answered {@code fail} so that TokenPay sends it
	 * again later.
	 */
	STORE_ERROR("store-error");

	private final String value;

	NotificationOutcome(String value) {
		this.value = value;
	}

	/**
	 * Return the value of the observation's {@code outcome} key.
	 * @return the value, such as {@code bad-signature}
	 */
	public String value() {
		return this.value;
	}

}
