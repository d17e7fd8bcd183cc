package me.tokenpay.spring.test;

import java.time.Instant;
import java.util.Map;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of an operation of {@link MockTokenPayServer}, as a
 * {@link MockOperationHandler} sees it: already routed, rate-limited and, for a signed
 * operation, authenticated. Its helpers refuse parameters as the gateway does, with code
 * {@code 11003} for a missing one and {@code 100} for a malformed one, which the server
 * answers.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockCall {

	private final String operation;

	private final String method;

	private final String path;

	private final Map<String, String> query;

	private final byte[] body;

	private final Instant now;

	private final TokenPayCredentials credentials;

	MockCall(String operation, String method, String path, Map<String, String> query, byte[] body, Instant now,
			TokenPayCredentials credentials) {
		this.operation = operation;
		this.method = method;
		this.path = path;
		this.query = Map.copyOf(query);
		this.body = body;
		this.now = now;
		this.credentials = credentials;
	}

	/**
	 * Return the operation's name.
	 * @return the name, such as {@code query-wallet}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return the HTTP method.
	 * @return {@code POST} or {@code GET}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the path with its query, as signed.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the query parameters, decoded.
	 * @return the parameters
	 */
	public Map<String, String> query() {
		return this.query;
	}

	/**
	 * Return the raw body.
	 * @return a copy of the body, empty for a {@code GET}
	 */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * Return the server's time of the call.
	 * @return the instant, on the server's clock
	 */
	public Instant now() {
		return this.now;
	}

	/**
	 * Return the credentials of the merchant that signed the call, those the server
	 * started with for an unsigned operation.
	 * @return the credentials
	 */
	TokenPayCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Return the parameters: the query of a {@code GET}, otherwise the JSON body, which
	 * must be an object naming this merchant's {@code app_id} and {@code mch_id}.
	 * @return the parameters as a JSON object
	 */
	public JsonNode parameters() {
		if ("GET".equals(this.method)) {
			ObjectNode parameters = Answer.JSON.createObjectNode();
			this.query.forEach(parameters::put);
			return parameters;
		}
		return RequestBodies.merchantBody(this.body, this.credentials);
	}

	/**
	 * Return a required text parameter.
	 * @param field the field name
	 * @return the value, neither {@code null} nor blank
	 */
	public String requiredText(String field) {
		return RequestBodies.requiredText(parameters(), field);
	}

	/**
	 * Return an optional text parameter.
	 * @param field the field name
	 * @param maxLength the longest value accepted
	 * @return the value, {@code null} when absent or empty
	 */
	public @Nullable String optionalText(String field, int maxLength) {
		return RequestBodies.optionalText(parameters(), field, maxLength);
	}

}
