package me.tokenpay.spring.autoconfigure;

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
 * answer is reused: an error status (from a proxy, say) or a {@code 304} may leave bytes
 * the client never read, which would break the next call on that connection.
 * HttpComponents itself closes a connection whose answer could not be read to its end,
 * such as one with broken framing or duplicate {@code Content-Length} headers.
 * HttpComponents' own retries are off: by default it repeats a request answered 429 or
 * 503, even a {@code POST}, which would send a create twice; the client retries only what
 * each operation's idempotency allows. Separate from the auto-configuration so that
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
		return response.getCode() >= 200 && response.getCode() < 300
				&& DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
	}

	static HttpComponentsClientHttpRequestFactoryBuilder configure(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder
			.withConnectionManagerCustomizer(
					(pool) -> pool.setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS))
			.withConnectionConfigCustomizer((connection) -> connection
				.setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_INACTIVITY_SECONDS))
				.setTimeToLive(TimeValue.ofMinutes(TIME_TO_LIVE_MINUTES)))
			.withHttpClientCustomizer(
					(client) -> client.disableAutomaticRetries().setConnectionReuseStrategy(HttpComponentsPool::reuse));
	}

}
