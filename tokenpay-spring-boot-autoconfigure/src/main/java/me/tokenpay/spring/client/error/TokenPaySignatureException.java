package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the answer's {@code TTPay-Signature} is missing (in {@code required} mode),
 * stale or does not match the answer. The answer must not be trusted; whether the gateway
 * acted on the call is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPaySignatureException extends TokenPayException {

	/**
	 * Create a new instance.
	 * @param message what failed to verify
	 * @param requestId the request id the unverified answer claimed, if any
	 * @param cause the underlying failure, if any
	 */
	public TokenPaySignatureException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, requestId, cause);
	}

	/**
	 * Return {@code true}: an answer that fails verification says nothing trustworthy
	 * about what the gateway did.
	 * @return {@code true}
	 */
	@Override
	public boolean isOutcomeUnknown() {
		return true;
	}

}
