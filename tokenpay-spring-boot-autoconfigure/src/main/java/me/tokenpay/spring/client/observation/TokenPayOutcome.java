package me.tokenpay.spring.client.observation;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTransportException;

/**
 * How a TokenPay call ended, the {@code outcome} key of its observation.
 *
 * @author TokenPay Spring Boot team
 */
public enum TokenPayOutcome {

	/**
	 * The gateway accepted the call (code 0).
	 */
	SUCCESS("success"),

	/**
	 * The gateway answered with a non-zero code.
	 */
	API_ERROR("api-error"),

	/**
	 * The gateway could not be reached or the connection failed or timed out.
	 */
	TRANSPORT_ERROR("transport-error"),

	/**
	 * The answer could not be read as a TokenPay envelope.
	 */
	INVALID_RESPONSE("invalid-response"),

	/**
	 * The answer failed signature verification.
	 */
	SIGNATURE_ERROR("signature-error"),

	/**
	 * The client-side rate limiter refused the call; nothing was sent.
	 */
	RATE_LIMITED("rate-limited"),

	/**
	 * The gateway may have applied the call but the client could not find out.
	 */
	OUTCOME_UNKNOWN("outcome-unknown");

	private final String value;

	TokenPayOutcome(String value) {
		this.value = value;
	}

	/**
	 * Return the outcome of a call that failed.
	 * @param failure the failure
	 * @return the outcome
	 */
	public static TokenPayOutcome of(TokenPayException failure) {
		if (failure instanceof TokenPayApiException) {
			return API_ERROR;
		}
		if (failure instanceof TokenPayTransportException) {
			return TRANSPORT_ERROR;
		}
		if (failure instanceof TokenPaySignatureException) {
			return SIGNATURE_ERROR;
		}
		if (failure instanceof TokenPayRateLimitException) {
			return RATE_LIMITED;
		}
		if (failure instanceof TokenPayOutcomeUnknownException) {
			return OUTCOME_UNKNOWN;
		}
		return INVALID_RESPONSE;
	}

	/**
	 * Return the value used as the observation key value.
	 * @return the key value
	 */
	public String getValue() {
		return this.value;
	}

}
