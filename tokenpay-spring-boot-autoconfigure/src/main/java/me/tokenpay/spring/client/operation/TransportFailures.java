package me.tokenpay.spring.client.operation;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;

/**
 * Turns what the HTTP client threw into a {@link TokenPayTransportException} that tells
 * whether the request may have reached the gateway.
 *
 * @author TokenPay Spring Boot team
 */
final class TransportFailures {

	/**
	 * Failures of HTTP clients that are not on the client's class path, by class name:
	 * Apache HttpComponents' connect timeout and wait for a pooled connection, both
	 * before anything was sent.
	 */
	private static final Set<String> UNSENT_TIMEOUTS = Set.of("org.apache.hc.client5.http.ConnectTimeoutException",
			"org.apache.hc.client5.http.ConnectionRequestTimeoutException");

	/**
	 * Apache HttpComponents' refusal of a header line or count over its limits.
	 */
	private static final String HEADER_LIMIT = "org.apache.hc.core5.http.MessageConstraintException";

	private TransportFailures() {
	}

	/**
	 * Return whether the HTTP client refused the answer's headers as over its limits.
	 * @param failure what the HTTP client threw
	 * @return whether the headers were too large
	 */
	static boolean headersTooLarge(RuntimeException failure) {
		return causedByAnyNamed(failure, Set.of(HEADER_LIMIT));
	}

	/**
	 * Translate a failure of the HTTP client.
	 * @param failure what the client threw: a {@code RestClientException} or any other
	 * unchecked exception
	 * @param readTimeoutElapsed whether the read timeout had passed when it failed, for
	 * clients that report a timeout while reading the body as a closed stream
	 * @return the exception to throw
	 */
	static TokenPayTransportException translate(RuntimeException failure, boolean readTimeoutElapsed) {
		boolean unsentTimeout = causedByAnyNamed(failure, UNSENT_TIMEOUTS);
		boolean requestSent = !unsentTimeout
				&& !causedBy(failure, ConnectException.class, HttpConnectTimeoutException.class,
						UnknownHostException.class, NoRouteToHostException.class, SSLHandshakeException.class);
		if (unsentTimeout || causedBy(failure, SocketTimeoutException.class, HttpTimeoutException.class)
				|| (requestSent && readTimeoutElapsed)) {
			return new TokenPayTimeoutException(requestSent
					? "TokenPay did not answer within tokenpay.read-timeout; whether it acted on the request is unknown"
					: "Could not connect to TokenPay within tokenpay.connect-timeout; nothing was sent", failure,
					requestSent);
		}
		return new TokenPayTransportException(
				(requestSent ? "Connection to TokenPay failed after the request was sent; whether it acted on the "
						+ "request is unknown (" : "Could not connect to TokenPay; nothing was sent (")
						+ describe(failure) + ")",
				failure, requestSent);
	}

	@SafeVarargs
	private static boolean causedBy(Throwable ex, Class<? extends Throwable>... types) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(candidate)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean causedByAnyNamed(Throwable ex, Set<String> classNames) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (classNames.contains(candidate.getClass().getName())) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		while (cause.getMessage() == null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null)
				? cause.getClass().getSimpleName() + ": "
						+ GatewayText.safe(cause.getMessage(), GatewayText.MAX_DETAIL_LENGTH)
				: cause.getClass().getSimpleName();
	}

}
