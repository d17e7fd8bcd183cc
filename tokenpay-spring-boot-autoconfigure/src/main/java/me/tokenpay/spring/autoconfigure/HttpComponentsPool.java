package me.tokenpay.spring.autoconfigure;

import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;

/**
 * Sizes and ages the connection pool of Apache HttpComponents for TokenPay calls: one
 * route (the gateway), up to {@value #MAX_CONNECTIONS} connections, each checked before
 * reuse once idle for {@value #VALIDATE_AFTER_INACTIVITY_SECONDS} seconds and retired
 * after {@value #TIME_TO_LIVE_MINUTES} minutes. Only a connection that carried a 2xx
 * answer with plain framing (one {@code Content-Length}, or {@code chunked} alone) is
 * reused: an error status (from a proxy, say), a {@code 304} or ambiguous framing may
 * leave bytes the client never read, which would be read as the next call's answer. The
 * connections are {@link GuardedConnectionFactory guarded}: one with bytes left behind
 * its answer is closed, and headers must arrive within the read timeout. HttpComponents
 * itself closes a connection whose answer could not be read to its end. HttpComponents'
 * own retries are off: by default it repeats a request answered 429 or 503, even a
 * {@code POST}, which would send a create twice; the client retries only what each
 * operation's idempotency allows. Separate from the auto-configuration so that
 * HttpComponents classes load only when HttpComponents is the request factory.
 *
 * @author TokenPay Spring Boot team
 */
final class HttpComponentsPool {

	/**
	 * Connections kept to the gateway, far above what TokenPay's 5 requests per second
	 * need, so that callers queue on the rate limiter rather than on the pool.
	 */
	static final int MAX_CONNECTIONS = 50;

	static final int VALIDATE_AFTER_INACTIVITY_SECONDS = 2;

	static final int TIME_TO_LIVE_MINUTES = 5;

	private HttpComponentsPool() {
	}

	private static boolean reuse(HttpRequest request, HttpResponse response, HttpContext context) {
		return response.getCode() >= 200 && response.getCode() < 300 && plainFraming(response)
				&& DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
	}

	private static boolean plainFraming(HttpResponse response) {
		int transferEncodings = response.countHeaders(HttpHeaders.TRANSFER_ENCODING);
		if (transferEncodings == 0) {
			return response.countHeaders(HttpHeaders.CONTENT_LENGTH) == 1;
		}
		return transferEncodings == 1 && !response.containsHeader(HttpHeaders.CONTENT_LENGTH)
				&& "chunked".equalsIgnoreCase(response.getFirstHeader(HttpHeaders.TRANSFER_ENCODING).getValue().trim());
	}

	static HttpComponentsClientHttpRequestFactoryBuilder configure(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder
			.withConnectionManagerCustomizer((pool) -> pool.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setConnectionFactory(new GuardedConnectionFactory()))
			.withConnectionConfigCustomizer((connection) -> connection
				.setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_INACTIVITY_SECONDS))
				.setTimeToLive(TimeValue.ofMinutes(TIME_TO_LIVE_MINUTES)))
			.withHttpClientCustomizer(
					(client) -> client.disableAutomaticRetries().setConnectionReuseStrategy(HttpComponentsPool::reuse));
	}

}
