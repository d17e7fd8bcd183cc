package me.tokenpay.spring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of one observed TokenPay call, filled in as the call proceeds.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayClientObservationContext extends Observation.Context {

	private final String operation;

	private final String appId;

	private final @Nullable String resourceId;

	private String merchant = "default";

	private @Nullable TokenPayOutcome outcome;

	private @Nullable Integer code;

	private @Nullable String requestId;

	private int attempts;

	/**
	 * Create a context.
	 * @param operation the operation name, for example {@code cancel-payout}
	 * @param appId the app id of the merchant making the call
	 * @param resourceId the payout id, {@code out_trade_no} or other id the call is
	 * about, if any
	 */
	public TokenPayClientObservationContext(String operation, String appId, @Nullable String resourceId) {
		this.operation = operation;
		this.appId = appId;
		this.resourceId = resourceId;
	}

	/**
	 * Return the operation name.
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the name of the merchant making the call.
	 * @return the merchant name, {@code default} unless the call is made for a named
	 * merchant
	 */
	public String getMerchant() {
		return this.merchant;
	}

	/**
	 * Set the name of the merchant making the call.
	 * @param merchant the merchant name
	 */
	public void setMerchant(String merchant) {
		this.merchant = merchant;
	}

	/**
	 * Return the app id of the merchant making the call.
	 * @return the app id
	 */
	public String getAppId() {
		return this.appId;
	}

	/**
	 * Return the id the call is about: a payout id, an {@code out_trade_no} or another id
	 * of the operation.
	 * @return the id or {@code null}
	 */
	public @Nullable String getResourceId() {
		return this.resourceId;
	}

	/**
	 * Return how the call ended.
	 * @return the outcome, {@code null} while the call runs
	 */
	public @Nullable TokenPayOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(TokenPayOutcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * Return the gateway code of the answer.
	 * @return the code or {@code null} if no readable answer arrived
	 */
	public @Nullable Integer getCode() {
		return this.code;
	}

	/**
	 * Set the gateway code of the answer.
	 * @param code the code
	 */
	public void setCode(@Nullable Integer code) {
		this.code = code;
	}

	/**
	 * Return the gateway's request id.
	 * @return the request id or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return how many attempts the call made so far.
	 * @return the number of attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Record the start of an attempt.
	 */
	public void startAttempt() {
		this.attempts++;
	}

	/**
	 * Set the gateway's request id.
	 * @param requestId the request id
	 */
	public void setRequestId(@Nullable String requestId) {
		this.requestId = requestId;
	}

}
