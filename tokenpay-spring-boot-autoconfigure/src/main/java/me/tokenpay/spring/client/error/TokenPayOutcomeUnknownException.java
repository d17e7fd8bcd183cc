package me.tokenpay.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the gateway may have applied a change although the call failed, and the
 * client could not find out: for example a repeated Cancel Payout rejected because the
 * payout is no longer open after an attempt that timed out, or a Create Payout whose
 * answer was lost and whose {@code out_trade_no} a query could not find yet.
 * {@link #getId()} is the id to query before acting: the payout id for a cancel, the
 * {@code out_trade_no} for a create (repeat that create with the <em>same</em>
 * {@code out_trade_no}: the gateway refuses a second payout with it). {@link #getCause()}
 * is the first failure whose outcome is unknown.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayOutcomeUnknownException extends TokenPayException {

	/**
	 * The operation whose outcome is unknown.
	 */
	private final String operation;

	/**
	 * The id to query the outcome by.
	 */
	private final @Nullable String id;

	/**
	 * The failure that ended the call.
	 */
	private final TokenPayException lastFailure;

	/**
	 * Create a new instance.
	 * @param message what happened and what to do
	 * @param operation the operation, for example {@code cancel-payout}
	 * @param id the id to query the outcome with, if the call had one
	 * @param lastFailure the failure that ended the call
	 * @param unknownOutcome the first failure whose outcome is unknown
	 */
	public TokenPayOutcomeUnknownException(String message, String operation, @Nullable String id,
			TokenPayException lastFailure, TokenPayException unknownOutcome) {
		super(message, lastFailure.getRequestId(), unknownOutcome);
		this.operation = operation;
		this.id = id;
		this.lastFailure = lastFailure;
	}

	/**
	 * Return the operation whose outcome is unknown.
	 * @return the operation name, for example {@code create-payout}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the id to query the outcome with: the payout id for {@code cancel-payout},
	 * the {@code out_trade_no} for {@code create-payout}.
	 * @return the id, {@code null} if the call had none
	 */
	public @Nullable String getId() {
		return this.id;
	}

	/**
	 * Return the failure that ended the call, such as the gateway's rejection of a
	 * repeat.
	 * @return the last failure
	 */
	public TokenPayException getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * Return the gateway's rejection that ended the call, if it was one.
	 * @return the rejection or {@code null}
	 */
	public @Nullable TokenPayApiException getRejection() {
		return (this.lastFailure instanceof TokenPayApiException rejection) ? rejection : null;
	}

	@Override
	public boolean isOutcomeUnknown() {
		return true;
	}

}
