package me.tokenpay.spring.autoconfigure;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
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
 * every reuse and retired after {@value #TIME_TO_LIVE_MINUTES} minutes. Only a connection
 * that carried a 2xx answer with plain framing (one {@code Content-Length}, or
 * {@code chunked} alone) is reused: an error status (from a proxy, say), a {@code 304} or
 * ambiguous framing may leave bytes the client never read, which would be read as the
 * next call's answer. The connections are {@link GuardedConnectionFactory guarded}: one
 * with bytes left behind its answer is closed, and headers must arrive within the read
 * timeout. A request that says {@code Connection: close} (every create) gets a connection
 * of its own, never one from the pool, and its connection is closed after its answer.
 * HttpComponents itself closes a connection whose answer could not be read to its end.
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

	static final int TIME_TO_LIVE_MINUTES = 5;

	/**
	 * The state of every pooled connection.
	 */
	private static final Object POOLED = "tokenpay-pooled";

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
			.withConnectionConfigCustomizer(
					(connection) -> connection.setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
						.setTimeToLive(TimeValue.ofMinutes(TIME_TO_LIVE_MINUTES)))
			.withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
				.setConnectionReuseStrategy(HttpComponentsPool::reuse)
				.addExecInterceptorFirst("tokenpay-own-connection", HttpComponentsPool::ownConnection));
	}

	/**
	 * Give a request that will close its connection a connection of its own. The pool
	 * hands out a connection whose state equals the request's user token, else one
	 * without state: every other request carries {@link #POOLED}, so that every pooled
	 * connection has that state, and a closing request carries a token of its own, which
	 * no pooled connection has, so the pool opens a new connection for it.
	 */
	private static ClassicHttpResponse ownConnection(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
			throws IOException, HttpException {
		Header connection = request.getFirstHeader(HttpHeaders.CONNECTION);
		boolean closes = connection != null && "close".equalsIgnoreCase(connection.getValue().trim());
		scope.clientContext.setUserToken(closes ? new Object() : POOLED);
		return chain.proceed(request, scope);
	}

}
