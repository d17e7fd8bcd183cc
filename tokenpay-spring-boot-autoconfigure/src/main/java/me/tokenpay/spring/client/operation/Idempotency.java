package me.tokenpay.spring.client.operation;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayTransportException;

/**
 * What repeating an operation does at the gateway, which decides the failures it is
 * retried on.
 *
 * @author TokenPay Spring Boot team
 */
public enum Idempotency {

	/**
	 * A read that changes nothing, such as a query: retried on every
	 * {@link TokenPayException#isRetryable() retryable} failure.
	 */
	SAFE,

	/**
	 * A change that has the same effect however often it is applied, such as a cancel:
	 * retried on every {@link TokenPayException#isRetryable() retryable} failure.
	 */
	IDEMPOTENT,

	/**
	 * A change that would be applied again by a repeat, such as a create: retried only
	 * when the request provably never reached the gateway or the gateway refused it
	 * unprocessed (the connection could not be opened, or the gateway answered with a
	 * rate-limit code). Never retried after a read timeout or a connection failure once
	 * the request was written.
	 */
	NOT_IDEMPOTENT;

	/**
	 * Return whether a failed attempt of an operation of this class may be repeated.
	 * @param failure the failure of the attempt
	 * @return whether to retry
	 */
	public boolean allowsRetryAfter(TokenPayException failure) {
		if (!failure.isRetryable()) {
			return false;
		}
		return this != NOT_IDEMPOTENT || neverProcessed(failure);
	}

	private static boolean neverProcessed(TokenPayException failure) {
		if (failure instanceof TokenPayTransportException transport) {
			return !transport.isRequestSent();
		}
		return failure instanceof TokenPayApiException api && api.isRateLimited();
	}

}
