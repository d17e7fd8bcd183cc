package me.tokenpay.spring.client.signature;

import org.springframework.http.HttpMethod;

/**
 * Produces the {@code Authorization} header value for one attempt of a request.
 * Implementations must be thread-safe and must sign exactly the bytes they are given,
 * which are the bytes sent. The default is {@link TtpayAuthorizationSigner}; a bean of
 * this type replaces it, for example to sign with a key held elsewhere.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface AuthorizationSigner {

	/**
	 * Sign one attempt of a request, with a fresh nonce and timestamp.
	 * @param method the HTTP method
	 * @param pathAndQuery the request URL without scheme and host, with {@code ?query}
	 * when there is one
	 * @param body the exact body bytes that will be sent
	 * @return the {@code Authorization} header value
	 */
	String sign(HttpMethod method, String pathAndQuery, byte[] body);

}
