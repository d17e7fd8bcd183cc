package me.tokenpay.spring.client.payout;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;

/**
 * Payouts: create, query and cancel. Obtained from
 * {@link me.tokenpay.spring.client.TokenPayOperations#payouts()}.
 *
 * @author TokenPay Spring Boot team
 */
public interface PayoutOperations {

	/**
	 * Create a payout, never twice. The create is not retried once its request may have
	 * reached the gateway. When its outcome is unknown (the answer timed out or was
	 * lost), the client queries the payout by its {@code outTradeNo} and returns it if
	 * the gateway has it. When the gateway answers that the {@code outTradeNo} exists
	 * (code 12001), the client returns that payout if it is the same one (amount, chain,
	 * currency and address), so repeating a create is safe.
	 * @param request the payout to create
	 * @return the payout, carrying its {@code outTradeNo} (generated when the request had
	 * none)
	 * @throws TokenPayOutcomeUnknownException if the outcome is still unknown after the
	 * queries: {@link TokenPayOutcomeUnknownException#getId()} is the {@code outTradeNo};
	 * query it later, or repeat the create with the same {@code outTradeNo}
	 * @throws PayoutConflictException if the {@code outTradeNo} belongs to another payout
	 * @throws TokenPayApiException if the gateway refused the payout, for example 20002
	 * (balance too low)
	 * @throws TokenPayException for every other failure
	 */
	Payout create(CreatePayoutRequest request);

	/**
	 * Query a payout.
	 * @param query which payout
	 * @return the payout
	 * @throws TokenPayApiException with code 12002 if the gateway does not know it
	 * @throws TokenPayException for every other failure
	 */
	Payout get(PayoutQuery query);

	/**
	 * Query a payout by the merchant's order number.
	 * @param outTradeNo the order number
	 * @return the payout
	 * @throws TokenPayInvalidRequestException if the order number is unusable
	 * @throws TokenPayApiException with code 12002 if the gateway does not know it
	 * @throws TokenPayException for every other failure
	 */
	default Payout getByOutTradeNo(String outTradeNo) {
		return get(PayoutQuery.byOutTradeNo(outTradeNo));
	}

	/**
	 * Cancel (close) a payout that has not been paid yet.
	 * @param payoutId the platform's payout id ({@link Payout#transactionId()})
	 * @return the gateway's answer when it accepted the cancellation
	 * @throws TokenPayInvalidRequestException if the id is blank or has control
	 * characters; nothing is sent
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway refused, for example 20005 (no longer
	 * open) or 12002 (unknown payout)
	 * @throws TokenPayException for every other failure
	 */
	default CancelPayoutResponse cancel(String payoutId) {
		return cancel(new CancelPayoutRequest(payoutId));
	}

	/**
	 * Cancel (close) a payout that has not been paid yet.
	 * @param request the cancellation
	 * @return the gateway's answer when it accepted the cancellation
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway refused
	 * @throws TokenPayException for every other failure
	 */
	CancelPayoutResponse cancel(CancelPayoutRequest request);

}
