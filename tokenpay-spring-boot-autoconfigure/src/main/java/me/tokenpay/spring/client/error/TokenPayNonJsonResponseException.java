package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the answer is not JSON, typically an HTML error page from a proxy or load
 * balancer in front of the gateway.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayNonJsonResponseException extends TokenPayInvalidResponseException {

	/**
	 * The answer's content type.
	 */
	private final @Nullable String contentType;

	/**
	 * Create a new instance.
	 * @param httpStatus the HTTP status of the answer
	 * @param contentType the content type of the answer
	 */
	public TokenPayNonJsonResponseException(int httpStatus, @Nullable String contentType) {
		super("TokenPay answered with " + ((contentType != null)
				? "'" + GatewayText.safe(contentType, GatewayText.MAX_DETAIL_LENGTH) + "'" : "a body")
				+ " that is not JSON; check tokenpay.base-url and any proxy in between", httpStatus, null, null);
		this.contentType = GatewayText.safe(contentType, GatewayText.MAX_DETAIL_LENGTH);
	}

	/**
	 * Return the content type of the answer, with control characters escaped.
	 * @return the content type or {@code null} if the answer had none
	 */
	public @Nullable String getContentType() {
		return this.contentType;
	}

}
