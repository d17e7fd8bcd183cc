package me.tokenpay.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code TTPAY-AES-256-ECB} authorization header, parsed strictly: the scheme, one
 * space, then exactly {@code app_id}, {@code mch_id}, {@code nonce_str},
 * {@code timestamp} and {@code signature} in that order, separated by commas without
 * spaces. A field with spaces around it is malformed (code 100), not missing.
 *
 * @param appId the app id
 * @param mchId the merchant id
 * @param nonce the nonce
 * @param timestamp the timestamp
 * @param signature the signature
 * @author TokenPay Spring Boot team
 */
record AuthorizationHeader(String appId, String mchId, String nonce, String timestamp, String signature) {

	static final String SCHEME = "TTPAY-AES-256-ECB ";

	private static final List<String> FIELDS = List.of("app_id", "mch_id", "nonce_str", "timestamp", "signature");

	/**
	 * Parse a header value.
	 * @param value the header value
	 * @return the header
	 * @throws Rejection if the header is malformed
	 */
	static AuthorizationHeader parse(@Nullable String value) {
		if (value == null) {
			throw new Rejection(11003, "Miss required parameter: Authorization");
		}
		if (!value.startsWith(SCHEME)) {
			throw new Rejection(103, "Invalid signature: scheme must be TTPAY-AES-256-ECB");
		}
		String[] parts = value.substring(SCHEME.length()).split(",", -1);
		List<String> names = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (String part : parts) {
			int equals = part.indexOf('=');
			if (equals <= 0 || !part.equals(part.strip())) {
				throw new Rejection(100, "Request parameter error: malformed Authorization field '" + part + "'");
			}
			names.add(part.substring(0, equals));
			values.add(part.substring(equals + 1));
		}
		for (String field : FIELDS) {
			if (!names.contains(field) || values.get(names.indexOf(field)).isEmpty()) {
				throw new Rejection(11003, "Miss required parameter: " + field);
			}
		}
		if (!names.equals(FIELDS)) {
			throw new Rejection(100,
					"Request parameter error: Authorization fields must be " + FIELDS + " but are " + names);
		}
		return new AuthorizationHeader(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
	}

}
