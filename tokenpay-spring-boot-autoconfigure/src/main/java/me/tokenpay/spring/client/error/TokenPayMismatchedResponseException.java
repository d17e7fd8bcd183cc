package me.tokenpay.spring.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an accepted, correctly signed answer is about something other than what the
 * call asked: another order, or a create echoing other money fields (amount, chain,
 * currency, address) than the request's. Nothing in such an answer is used. Its outcome
 * is unknown: for a create the gateway may have created something, so query the
 * {@link #getId() id} before acting (the client does so itself when it resolves a
 * create).
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayMismatchedResponseException extends TokenPayInvalidResponseException {

	/**
	 * The operation whose answer did not match.
	 */
	private final String operation;

	/**
	 * The id the call was about.
	 */
	private final @Nullable String id;

	/**
	 * The fields that differ from the call.
	 */
	private final List<String> mismatches;

	/**
	 * Create a new instance.
	 * @param operation the operation, for example {@code create-payout}
	 * @param id the id the call was about, to query the outcome with
	 * @param mismatches one description per field the answer stated differently
	 * @param httpStatus the HTTP status of the answer
	 * @param requestId the gateway's request id
	 */
	public TokenPayMismatchedResponseException(String operation, @Nullable String id, List<String> mismatches,
			int httpStatus, @Nullable String requestId) {
		super("TokenPay's answer to " + operation + ((id != null) ? " for " + GatewayText.safe(id, 128) : "")
				+ " is about something else: " + String.join("; ", mismatches) + ". Nothing in it was used"
				+ ((id != null) ? "; query " + GatewayText.safe(id, 128) + " before acting" : ""), httpStatus,
				requestId, null);
		this.operation = operation;
		this.id = id;
		this.mismatches = List.copyOf(mismatches);
	}

	/**
	 * Return the operation whose answer did not match.
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the id the call was about: the {@code out_trade_no} of a create, the id a
	 * query asked for.
	 * @return the id, {@code null} if the call had none
	 */
	public @Nullable String getId() {
		return this.id;
	}

	/**
	 * Return what differed, one description per field.
	 * @return the mismatches
	 */
	public List<String> getMismatches() {
		return this.mismatches;
	}

}
