package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification as TokenPay sends it: the {@code TTPay-*} signature headers and the JSON
 * body whose resource is encrypted.
 *
 * @param headers the signature headers by name
 * @param body the body bytes
 * @author TokenPay Spring Boot team
 */
public record SignedNotification(Map<String, String> headers, byte[] body) {

	/**
	 * Copy the headers.
	 * @param headers the signature headers by name
	 * @param body the body bytes
	 */
	public SignedNotification {
		headers = Map.copyOf(headers);
	}

	/**
	 * Return the body as UTF-8 text.
	 * @return the body
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Return a copy with one header replaced, such as a tampered signature.
	 * @param name the header name
	 * @param value the new value
	 * @return the copy
	 */
	public SignedNotification withHeader(String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(this.headers);
		changed.put(name, value);
		return new SignedNotification(changed, this.body);
	}

	@Override
	public String toString() {
		return "SignedNotification[" + this.body.length + " bytes]";
	}

}
