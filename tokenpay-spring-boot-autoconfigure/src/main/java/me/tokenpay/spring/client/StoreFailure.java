package me.tokenpay.spring.client;

/**
 * What a part backed by a shared store (Redis) does when the store fails.
 *
 * @author TokenPay Spring Boot team
 */
public enum StoreFailure {

	/**
	 * Go on with this instance's own memory until the store is back, logging once a
	 * minute: the rate limit then holds per instance, notifications are deduplicated per
	 * instance.
	 */
	LOCAL,

	/**
	 * Refuse: calls fail with a rate-limit exception and send nothing, notifications are
	 * answered {@code fail} so that TokenPay sends them again later.
	 */
	REJECT

}
