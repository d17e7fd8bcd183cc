package me.tokenpay.spring.client.error;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the gateway could not be reached or the connection failed before a complete
 * answer arrived. {@link #isRequestSent()} tells whether the gateway may have received
 * the request.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTransportException extends TokenPayException {

	/**
	 * Whether the request may have reached the gateway.
	 */
	private final boolean requestSent;

	/**
	 * Create a new instance.
	 * @param message what failed
	 * @param cause the I/O failure
	 * @param requestSent whether the request may have reached the gateway
	 */
	public TokenPayTransportException(String message, @Nullable Throwable cause, boolean requestSent) {
		super(message, null, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Return whether the request may have reached the gateway. {@code false} only when
	 * the connection could not be opened at all.
	 * @return whether the request may have been sent
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

	/**
	 * Return whether repeating the call may succeed: every transport failure apart from
	 * TLS failures, which need a configuration change.
	 * @return whether the call may be retried
	 */
	@Override
	public boolean isRetryable() {
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean isOutcomeUnknown() {
		return this.requestSent;
	}

}
