package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request received by {@link MockTokenPayServer}, with the verdict it got.
 *
 * @param method the HTTP method
 * @param path the request path with its query, as signed
 * @param headers the request headers, names in lower case
 * @param body the body bytes as received
 * @param code the gateway code answered, {@code null} when the answer carried none
 * (faults, unknown paths)
 * @param verdict a short description of how the request was judged, for assertion
 * messages
 * @param fault the fault applied, if any
 * @author TokenPay Spring Boot team
 */
public record MockTokenPayRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
		@Nullable Integer code, String verdict, @Nullable Fault fault) {

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value or {@code null}
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return the body as UTF-8 text.
	 * @return the body text
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " -> " + this.verdict;
	}

}
