package me.tokenpay.spring.client;

/**
 * Thrown when a repeated Cancel Payout was rejected because the payout is no longer open,
 * after an earlier attempt whose outcome is unknown (for example, it timed out after the
 * request was sent). The earlier attempt may have cancelled the payout: query its state
 * before acting on this failure. {@link #getCause()} is the earlier failure,
 * {@link #getRejection()} the final answer.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayOutcomeUnknownException extends TokenPayException {

	private final TokenPayApiException rejection;

	/**
	 * Create a new instance.
	 * @param payoutId the payout concerned
	 * @param rejection the final answer, a not-open rejection
	 * @param earlierFailure the earlier attempt's failure whose outcome is unknown
	 */
	public TokenPayOutcomeUnknownException(String payoutId, TokenPayApiException rejection,
			TokenPayException earlierFailure) {
		super("An earlier attempt may have cancelled payout " + payoutId + ": it failed with an unknown outcome ("
				+ earlierFailure.getClass().getSimpleName() + ") and the repeat was rejected with code "
				+ rejection.getCode() + " because the payout is no longer open. Query the payout before acting",
				rejection.getRequestId(), earlierFailure);
		this.rejection = rejection;
	}

	/**
	 * Return the final answer, the gateway's rejection of the repeat.
	 * @return the rejection
	 */
	public TokenPayApiException getRejection() {
		return this.rejection;
	}

	@Override
	public boolean isOutcomeUnknown() {
		return true;
	}

}
