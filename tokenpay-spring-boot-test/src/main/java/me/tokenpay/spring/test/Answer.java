package me.tokenpay.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link MockTokenPayServer} answers to one request.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param code the gateway code, {@code null} if the answer is no envelope
 * @param verdict what the server made of the request, for the journal
 * @param signed whether to sign the answer
 * @param dropConnection whether to close the connection instead of answering
 * @author TokenPay Spring Boot team
 */
record Answer(int status, String contentType, byte[] body, @Nullable Integer code, String verdict, boolean signed,
		boolean dropConnection) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Answer DROP = new Answer(0, "", new byte[0], null, "connection dropped", false, true);

	static Answer plain(int status, String contentType, String body) {
		return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), null,
				"HTTP " + status + " " + contentType, false, false);
	}

	static Answer envelope(int code, String msg, String verdict) {
		return envelope(code, msg, null, verdict);
	}

	static Answer envelope(int code, String msg, @Nullable JsonNode data, String verdict) {
		ObjectNode envelope = JSON.createObjectNode()
			.put("code", code)
			.put("msg", msg)
			.put("request_id", UUID.randomUUID().toString());
		if (data != null) {
			envelope.set("data", data);
		}
		return new Answer(200, "application/json", JSON.writeValueAsBytes(envelope), code, code + " " + verdict, true,
				false);
	}

	static Answer rejection(Rejection rejection) {
		return envelope(rejection.code(), rejection.getMessage(), rejection.getMessage());
	}

	/**
	 * Return this answer with one field of its {@code data} object set, still signed when
	 * sent; an answer without a {@code data} object gets one.
	 * @param field the field name
	 * @param value a string, a number or a boolean
	 * @return the changed answer
	 */
	Answer withDataField(String field, Object value) {
		if (this.code == null) {
			return this;
		}
		ObjectNode envelope = (ObjectNode) JSON.readTree(this.body);
		JsonNode data = envelope.get("data");
		ObjectNode object = (data instanceof ObjectNode existing) ? existing : envelope.putObject("data");
		object.set(field, JSON.valueToTree(value));
		return new Answer(this.status, this.contentType, JSON.writeValueAsBytes(envelope), this.code,
				this.verdict + ", then " + field + " set to " + value, this.signed, this.dropConnection);
	}

	/**
	 * Return this answer after the operation was applied, with the connection dropped
	 * instead of answering.
	 * @return the dropped answer
	 */
	Answer dropped() {
		return new Answer(0, "", new byte[0], this.code, this.verdict + ", then connection dropped", false, true);
	}

}
