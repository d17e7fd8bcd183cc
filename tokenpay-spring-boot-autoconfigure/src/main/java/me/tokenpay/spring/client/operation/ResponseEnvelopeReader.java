package me.tokenpay.spring.client.operation;

import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Reads raw answers into {@link ResponseEnvelope envelopes}. Strict: the body must be one
 * JSON object without duplicate keys or trailing content, {@code code} an integer,
 * {@code msg} and {@code request_id} strings when present. Unknown fields are ignored.
 * Every failure is a {@link TokenPayInvalidResponseException} subtype.
 *
 * @author TokenPay Spring Boot team
 */
public final class ResponseEnvelopeReader {

	private static final String CODE = "code";

	private static final String MSG = "msg";

	private static final String REQUEST_ID = "request_id";

	private static final String DATA = "data";

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/**
	 * Read an answer.
	 * @param httpStatus the HTTP status
	 * @param contentType the declared content type, if any
	 * @param body the raw body
	 * @return the envelope
	 * @throws TokenPayInvalidResponseException if the body is not a TokenPay envelope
	 */
	public ResponseEnvelope read(int httpStatus, @Nullable MediaType contentType, byte[] body) {
		int start = firstNonWhitespace(body);
		if (start == body.length) {
			throw new TokenPayEmptyResponseException(httpStatus);
		}
		if ((contentType != null && !isJson(contentType)) || (contentType == null && body[start] == '<')) {
			throw new TokenPayNonJsonResponseException(httpStatus,
					(contentType != null) ? contentType.toString() : null);
		}
		JsonNode tree = parse(httpStatus, body);
		if (!tree.isObject()) {
			throw new TokenPayUnexpectedResponseException("the body is not a JSON object", httpStatus, null);
		}
		String requestId = optionalString(tree, REQUEST_ID, httpStatus, null);
		String msg = optionalString(tree, MSG, httpStatus, requestId);
		JsonNode code = tree.get(CODE);
		if (code == null || code.isNull()) {
			throw new TokenPayUnexpectedResponseException("'code' is missing", httpStatus, requestId);
		}
		if (!code.isIntegralNumber() || !code.canConvertToInt()) {
			throw new TokenPayUnexpectedResponseException("'code' is not a 32-bit integer", httpStatus, requestId);
		}
		return new ResponseEnvelope(code.intValue(), msg, requestId, tree.get(DATA), tree, httpStatus);
	}

	private JsonNode parse(int httpStatus, byte[] body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new TokenPayMalformedResponseException(ex.getOriginalMessage(), httpStatus, ex);
		}
	}

	private static @Nullable String optionalString(JsonNode tree, String name, int httpStatus,
			@Nullable String requestId) {
		JsonNode node = tree.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new TokenPayUnexpectedResponseException("'" + name + "' is not a string", httpStatus, requestId);
		}
		return node.stringValue();
	}

	private static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || contentType.getSubtype().endsWith("+json");
	}

	private static int firstNonWhitespace(byte[] body) {
		int index = 0;
		while (index < body.length
				&& (body[index] == ' ' || body[index] == '\t' || body[index] == '\r' || body[index] == '\n')) {
			index++;
		}
		return index;
	}

}
