package me.tokenpay.spring.client.operation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The envelope of every TokenPay answer: {@code {code, msg, request_id, data?}}.
 *
 * @param code the gateway code, {@code 0} on success
 * @param msg the status text; informative only
 * @param requestId the gateway's request id
 * @param data the operation's result, if the answer has one
 * @param tree the whole body as parsed
 * @param httpStatus the HTTP status of the answer
 * @author TokenPay Spring Boot team
 */
public record ResponseEnvelope(int code, @Nullable String msg, @Nullable String requestId, @Nullable JsonNode data,
		JsonNode tree, int httpStatus) {

}
