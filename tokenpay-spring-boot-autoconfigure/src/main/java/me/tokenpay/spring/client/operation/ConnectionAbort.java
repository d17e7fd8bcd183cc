package me.tokenpay.spring.client.operation;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.io.EofSensorInputStream;

import org.springframework.util.ClassUtils;

/**
 * Gives up on an answer that was not read to its end (too large, too slow, broken)
 * without reading the rest: closing the body would make Apache HttpComponents read the
 * remainder so that it can reuse the connection, which never ends for an endless answer.
 * Its connection is aborted instead; other clients' bodies are closed, which for the JDK
 * {@code HttpClient} cancels the exchange.
 *
 * @author TokenPay Spring Boot team
 */
final class ConnectionAbort {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", ConnectionAbort.class.getClassLoader());

	private ConnectionAbort() {
	}

	static void abort(InputStream body) throws IOException {
		if (HTTP_COMPONENTS_PRESENT && HttpComponents.abort(body)) {
			return;
		}
		body.close();
	}

	/**
	 * Loaded only when HttpComponents is on the class path.
	 */
	private static final class HttpComponents {

		static boolean abort(InputStream body) throws IOException {
			if (body instanceof EofSensorInputStream sensor) {
				sensor.abort();
				return true;
			}
			return false;
		}

	}

}
