package me.tokenpay.sample;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.payin.PayInNotClosableException;
import me.tokenpay.spring.journal.PayoutJournalConflictException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem detail ({@code application/problem+json}).
 * Problems caused by TokenPay carry the property {@code tokenpayCode} when the gateway
 * answered with a code, and {@code requestId} when the gateway's request id is known;
 * quote it to TokenPay support. Details are fixed texts: they never repeat exception
 * messages, URLs or credentials. Spring MVC's own exceptions keep the statuses that
 * {@link ResponseEntityExceptionHandler} gives them.
 * <table>
 * <caption>Status of each failure</caption>
 * <tr>
 * <th>Failure</th>
 * <th>Status</th>
 * </tr>
 * <tr>
 * <td>{@link PayInNotClosableException} (the pay-in order was paid)</td>
 * <td>409 Conflict</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} code 12002 (data is absence)</td>
 * <td>404 Not Found</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} code 12001 (data is existed)</td>
 * <td>409 Conflict</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} other business codes (12003, 20002, 20003)</td>
 * <td>422 Unprocessable Content</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} validation codes (100, 11003, 20005)</td>
 * <td>400 Bad Request</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} rate-limit codes 11001 and 20004</td>
 * <td>429 Too Many Requests, {@code Retry-After: 1}</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} code 11000 (operation failed, try later)</td>
 * <td>503 Service Unavailable</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayApiException} authentication codes (103, 104, 20000, 20001) and
 * unknown codes</td>
 * <td>502 Bad Gateway</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayOutcomeUnknownException} of a cancel (a repeat was refused as no
 * longer open after an attempt with an unknown outcome), with
 * {@code outcomeUnknown: true} and {@code payoutId}</td>
 * <td>409 Conflict</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayOutcomeUnknownException} of a create (its answer was lost and a
 * query did not find it), with {@code outcomeUnknown: true} and {@code outTradeNo}</td>
 * <td>504 Gateway Timeout</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayRateLimitException} (the client-side limiter had no permit; nothing
 * was sent)</td>
 * <td>429 Too Many Requests, {@code Retry-After: 1}</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayInvalidResponseException} (empty, non-JSON, malformed, too large or
 * unexpected answer)</td>
 * <td>502 Bad Gateway</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPaySignatureException}</td>
 * <td>502 Bad Gateway</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayTimeoutException}</td>
 * <td>504 Gateway Timeout</td>
 * </tr>
 * <tr>
 * <td>other {@link TokenPayTransportException} (gateway unreachable)</td>
 * <td>502 Bad Gateway</td>
 * </tr>
 * <tr>
 * <td>{@link TokenPayInvalidRequestException} (an argument rejected before anything was
 * sent), with the camelCase {@code field} at fault</td>
 * <td>400 Bad Request</td>
 * </tr>
 * </table>
 * After a timeout, an unreadable answer or a failed signature check, whether TokenPay
 * acted on the call is unknown; the detail says so.
 *
 * @author TokenPay Spring Boot team
 */
@RestControllerAdvice
public class TokenPayProblemHandler extends ResponseEntityExceptionHandler {

	private static final String OUTCOME_UNKNOWN = "; whether TokenPay acted on the call is unknown";

	/**
	 * Map a failed TokenPay call to a problem detail.
	 * @param ex the failure
	 * @return the problem detail response
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleTokenPayException(TokenPayException ex) {
		ProblemDetail problem = problem(ex);
		if (ex instanceof TokenPayApiException apiException) {
			problem.setProperty("tokenpayCode", apiException.getCode());
		}
		if (ex instanceof TokenPayOutcomeUnknownException outcomeUnknown) {
			TokenPayApiException rejection = outcomeUnknown.getRejection();
			if (rejection != null) {
				problem.setProperty("tokenpayCode", rejection.getCode());
			}
			problem.setProperty("outcomeUnknown", true);
			problem.setProperty(isCreate(outcomeUnknown) ? "outTradeNo" : "payoutId", outcomeUnknown.getId());
		}
		if (ex.getRequestId() != null) {
			problem.setProperty("requestId", ex.getRequestId());
		}
		HttpStatus status = HttpStatus.valueOf(problem.getStatus());
		if (status.is5xxServerError()) {
			this.logger.warn("TokenPay call failed: " + ex);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.TOO_MANY_REQUESTS) {
			response.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return response.body(problem);
	}

	/**
	 * Map an argument rejected before anything was sent to a problem detail naming the
	 * field at fault.
	 * @param ex the failure
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleInvalidRequest(TokenPayInvalidRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("field", ex.getField());
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Map a withdrawal submitted under an order number the journal holds for another
	 * order to {@code 409 Conflict}.
	 * @param ex the failure
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleJournalConflict(PayoutJournalConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("outTradeNo", ex.getOutTradeNo());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * Map any other argument rejected before anything was sent to a problem detail.
	 * @param ex the failure
	 * @return the problem detail
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleIllegalArgumentException(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid"));
	}

	private static boolean isCreate(TokenPayOutcomeUnknownException ex) {
		return ex.getOperation().startsWith("create-");
	}

	private static ProblemDetail problem(TokenPayException ex) {
		if (ex instanceof PayInNotClosableException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The pay-in order cannot be closed: it was paid or refunded");
		}
		if (ex instanceof TokenPayApiException apiException) {
			return problem(apiException);
		}
		if (ex instanceof TokenPayOutcomeUnknownException outcomeUnknown && isCreate(outcomeUnknown)) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
					"TokenPay's answer to the create was lost or unusable and the order could not be confirmed yet; "
							+ "query it later or repeat the create with the same outTradeNo");
		}
		if (ex instanceof TokenPayOutcomeUnknownException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"TokenPay refused to cancel a payout that is no longer open, after an earlier attempt whose outcome is "
							+ "unknown; the payout may already be cancelled");
		}
		if (ex instanceof TokenPayRateLimitException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Too many TokenPay calls at once; nothing was sent, try again later");
		}
		if (ex instanceof TokenPayTimeoutException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
					"TokenPay did not answer in time" + OUTCOME_UNKNOWN);
		}
		if (ex instanceof TokenPayTransportException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "TokenPay could not be reached");
		}
		if (ex instanceof TokenPayMismatchedResponseException mismatch) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"TokenPay answered about something else than was asked; nothing in the answer was used");
			problem.setProperty("id", mismatch.getId());
			return problem;
		}
		if (ex instanceof TokenPaySignatureException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"TokenPay's answer failed signature verification" + OUTCOME_UNKNOWN);
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"TokenPay's answer could not be read" + OUTCOME_UNKNOWN);
	}

	private static ProblemDetail problem(TokenPayApiException ex) {
		return switch (ex.getCategory()) {
			case BUSINESS -> businessProblem(ex.getCode());
			case VALIDATION ->
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "TokenPay rejected the request as invalid");
			case RETRYABLE -> (ex.getCode() == 11000)
					? ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
							"TokenPay cannot perform the operation now; try again later")
					: ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
							"TokenPay limits how often this merchant may call it; try again later");
			case AUTHENTICATION -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"TokenPay did not accept the merchant's credentials or signature");
			case UNKNOWN -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"TokenPay answered with a code this application does not know");
		};
	}

	private static ProblemDetail businessProblem(int code) {
		return switch (code) {
			case 12002 ->
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "TokenPay knows no such order or wallet");
			case 12001 -> ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"TokenPay refused the call because the data already exists, such as an outTradeNo of another "
							+ "order");
			case 20002 -> ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"The merchant's TokenPay balance is too low for this payout");
			default -> ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"TokenPay refused the call for a business reason");
		};
	}

}
