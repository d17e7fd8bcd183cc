package me.tokenpay.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception that a {@link TokenPayOperations} call throws, apart from
 * {@link IllegalArgumentException} for arguments rejected before anything is sent.
 * Messages never contain the app secret or the {@code Authorization} header.
 *
 * @author TokenPay Spring Boot team
 */
public abstract class TokenPayException extends RuntimeException {

	private final @Nullable String requestId;

	protected TokenPayException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, cause);
		this.requestId = requestId;
	}

	/**
	 * Return the gateway's request id when the answer carried one.
	 * @return the request id or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	@Override
	public String toString() {
		String text = super.toString();
		return (this.requestId != null) ? text + " [requestId=" + this.requestId + "]" : text;
	}

}
