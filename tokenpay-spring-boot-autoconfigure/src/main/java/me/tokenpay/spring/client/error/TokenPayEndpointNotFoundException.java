package me.tokenpay.spring.client.error;

/**
 * Thrown when the gateway answered HTTP 404 without an envelope: no such endpoint at the
 * configured base URL and path, so nothing was applied. Usually the base URL has a path
 * it should not have (such as {@code /v1}) or an operation's path is wrong.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayEndpointNotFoundException extends TokenPayInvalidResponseException {

	/**
	 * Create a new instance.
	 * @param operation the operation, for example {@code create-payout}
	 * @param path the path that was requested, without query
	 * @param baseUrlProperty the property of the merchant's base URL
	 */
	public TokenPayEndpointNotFoundException(String operation, String path, String baseUrlProperty) {
		super("TokenPay has no endpoint " + path + " for " + operation + " (HTTP 404), so nothing was applied; check "
				+ baseUrlProperty + " (the gateway's root, without /v1) and tokenpay.operations." + operation + ".path",
				0, null, null);
	}

	/**
	 * Return {@code false}: nothing answers at that path, so nothing was applied.
	 * @return {@code false}
	 */
	@Override
	public boolean isOutcomeUnknown() {
		return false;
	}

	/**
	 * Return {@code false}: the same path will not be found on a repeat.
	 * @return {@code false}
	 */
	@Override
	public boolean isRetryable() {
		return false;
	}

}
