package me.tokenpay.spring.client;

import java.util.List;

import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.payin.PayInOperations;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.PayoutOperations;
import me.tokenpay.spring.client.wallet.WalletOperations;

/**
 * Operations of the TokenPay merchant API, grouped by resource: {@link #payouts()},
 * {@link #payIns()}, {@link #currencies()} and {@link #balance(Chain, String)}.
 * Implemented by {@link TokenPayTemplate}; an interface so that applications can replace
 * it with a test double.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayOperations {

	/**
	 * Return the payout operations: create, query and cancel.
	 * @return the payout operations
	 */
	PayoutOperations payouts();

	/**
	 * Return the pay-in order operations: create, query and close.
	 * @return the pay-in operations
	 */
	PayInOperations payIns();

	/**
	 * Return the monitored-wallet operations: add, update, delete and query.
	 * @return the wallet operations
	 */
	WalletOperations wallets();

	/**
	 * Return the currencies TokenPay supports, from a cache kept for
	 * {@code tokenpay.currencies.cache-ttl} (10 minutes by default): a cached list costs
	 * no call.
	 * @return the currencies
	 * @throws TokenPayException if the list had to be fetched and the call failed
	 */
	List<Currency> currencies();

	/**
	 * Fetch the currency list now, whatever the cache holds, and cache it: for an
	 * application that learns that TokenPay added or changed a currency.
	 * @return the currencies
	 * @throws TokenPayException if the call failed; the cached list, if any, stays
	 */
	default List<Currency> refreshCurrencies() {
		return currencies();
	}

	/**
	 * Ask for the merchant's balance of a currency, for example before a payout.
	 * @param chain the chain, such as {@link Chain#TRON}
	 * @param currency the currency code, such as {@code USDT}
	 * @return the balance
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayApiException if the gateway refused the inquiry, such as for an
	 * unknown currency
	 * @throws TokenPayException for every other failure
	 */
	Balance balance(Chain chain, String currency);

	/**
	 * Call an operation through the same pipeline as the built-in ones: its parameters
	 * serialised once, every attempt signed, passed through the rate limiter, retried as
	 * its {@link me.tokenpay.spring.client.operation.Idempotency idempotency} allows, its
	 * answer verified, read and checked against the request's expectations, the call
	 * observed. The way to call an endpoint the starter does not wrap yet.
	 * @param <T> the result type
	 * @param operation the operation, such as
	 * {@code OperationDescriptor.post("query-wallet", "/v1/wallet/query", Idempotency.SAFE, decoder)}
	 * @param request the call's parameters and what its answer must echo
	 * @return the decoded result
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure
	 */
	<T> T execute(OperationDescriptor<T> operation, OperationRequest request);

	/**
	 * Cancel (close) a payout that has not been paid yet; a shortcut for
	 * {@code payouts().cancel(payoutId)}.
	 * @param payoutId the platform's payout id, neither blank nor containing control
	 * characters
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws TokenPayInvalidRequestException if the payout id is blank or contains
	 * control characters; nothing is sent
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	default CancelPayoutResponse cancelPayout(String payoutId) {
		return payouts().cancel(payoutId);
	}

	/**
	 * Cancel (close) a payout that has not been paid yet; a shortcut for
	 * {@code payouts().cancel(request)}.
	 * @param request the cancellation to perform
	 * @return the gateway's answer when it accepted the cancellation (code {@code 0})
	 * @throws TokenPayOutcomeUnknownException if a repeat was refused as "no longer open"
	 * after an attempt whose outcome is unknown: query the payout before acting
	 * @throws TokenPayApiException if the gateway answered with a non-zero code
	 * @throws TokenPayException for every other failure (transport, unreadable or
	 * unverifiable answer)
	 */
	default CancelPayoutResponse cancelPayout(CancelPayoutRequest request) {
		return payouts().cancel(request);
	}

}
