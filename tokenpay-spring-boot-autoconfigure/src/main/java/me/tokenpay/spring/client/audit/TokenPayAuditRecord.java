package me.tokenpay.spring.client.audit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of one call to TokenPay, as the audit log records it. It never carries the
 * {@code Authorization} header or the secret: the secret signs requests and answers but
 * is in no body.
 *
 * @param operation the operation, such as {@code create-payout}
 * @param merchant the merchant's name
 * @param appId the merchant's app id
 * @param resourceId the id the call is about (an order number or payout id), {@code null}
 * for calls about no resource
 * @param attempt the attempt's number, from 1
 * @param outcome how the attempt ended: {@code success}, or the outcome of its failure
 * such as {@code api-error} or {@code transport-error}
 * @param httpStatus the answer's HTTP status, {@code null} when none arrived
 * @param code the gateway's code, {@code null} when no envelope was read
 * @param requestId the gateway's request id, {@code null} when none was read
 * @param duration how long the attempt took, from its permit to its end
 * @param requestBody the request body (the signed JSON, or empty for a {@code GET}),
 * {@code null} unless bodies are recorded
 * @param responseBody the answer body, {@code null} unless bodies are recorded or when
 * none arrived
 * @author TokenPay Spring Boot team
 */
public record TokenPayAuditRecord(String operation, String merchant, String appId, @Nullable String resourceId,
		int attempt, String outcome, @Nullable Integer httpStatus, @Nullable Integer code, @Nullable String requestId,
		Duration duration, @Nullable String requestBody, @Nullable String responseBody) {

}
