package me.tokenpay.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of request bodies for the handlers of {@link MockTokenPayServer}: a JSON
 * object whose {@code app_id} and {@code mch_id} match the credentials, fields of the
 * documented types, missing fields as code 11003 and malformed ones as code 100.
 *
 * @author TokenPay Spring Boot team
 */
final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestBodies() {
	}

	/**
	 * Read a signed request's body.
	 * @param body the raw body
	 * @param credentials the credentials the body must name
	 * @return the JSON object
	 * @throws Rejection if the body is not such an object
	 */
	static JsonNode merchantBody(byte[] body, TokenPayCredentials credentials) {
		JsonNode request;
		try {
			request = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Rejection(100, "Request parameter error: body is not JSON");
		}
		if (request == null || !request.isObject()) {
			throw new Rejection(100, "Request parameter error: body is not a JSON object");
		}
		String appId = requiredText(request, "app_id");
		String mchId = requiredText(request, "mch_id");
		if (!appId.equals(credentials.appId()) || !mchId.equals(credentials.mchId())) {
			throw new Rejection(100, "Request parameter error: app_id and mch_id must match the Authorization header");
		}
		return request;
	}

	/**
	 * Return the body's {@code app_id}, {@code transaction_id}, {@code out_trade_no} and
	 * other id fields, for per-resource faults.
	 * @param body the raw body
	 * @param fields the id fields
	 * @return the ids found
	 */
	static List<String> ids(byte[] body, String... fields) {
		List<String> ids = new ArrayList<>();
		try {
			JsonNode request = JSON.readTree(body);
			for (String field : fields) {
				JsonNode id = (request != null) ? request.get(field) : null;
				if (id != null && id.isString()) {
					ids.add(id.stringValue());
				}
			}
		}
		catch (JacksonException ex) {
			// a body that is not JSON carries no id
		}
		return ids;
	}

	static String requiredText(JsonNode request, String field) {
		String value = optionalText(request, field, Integer.MAX_VALUE);
		if (value == null || value.isBlank()) {
			throw new Rejection(11003, "Miss required parameter: " + field);
		}
		return value;
	}

	static @Nullable String optionalText(JsonNode request, String field, int maxLength) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
			return null;
		}
		if (!value.isString()) {
			throw new Rejection(100, "Request parameter error: " + field + " must be a string");
		}
		if (value.stringValue().length() > maxLength) {
			throw new Rejection(100,
					"Request parameter error: " + field + " must be at most " + maxLength + " characters");
		}
		return value.stringValue();
	}

	/**
	 * Read an id sent in the query string or, for a {@code POST}, in the body.
	 * @param body the body of a {@code POST}, {@code null} for a {@code GET}
	 * @param query the query parameters
	 * @param field the id field
	 * @return the id or {@code null}
	 */
	static @Nullable String idFrom(@Nullable JsonNode body, Map<String, String> query, String field) {
		String fromQuery = query.get(field);
		if (fromQuery != null && !fromQuery.isEmpty()) {
			return fromQuery;
		}
		return (body != null) ? optionalText(body, field, 64) : null;
	}

}
