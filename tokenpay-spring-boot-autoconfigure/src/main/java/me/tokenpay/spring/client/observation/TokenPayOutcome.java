package me.tokenpay.spring.client.observation;

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
	RATE_LIMITED("rate-limited");

	private final String value;

	TokenPayOutcome(String value) {
		this.value = value;
	}

	/**
	 * Return the value used as the observation key value.
	 * @return the key value
	 */
	public String getValue() {
		return this.value;
	}

}
