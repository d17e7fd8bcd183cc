package me.tokenpay.spring.client.currency;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.RequestChecks;
import me.tokenpay.spring.client.operation.TokenPayExchange;

/**
 * The balance inquiry on a {@link TokenPayExchange}.
 *
 * @author TokenPay Spring Boot team
 */
public final class BalanceInquiry {

	/**
	 * The balance inquiry: a safe, signed read. Its decoder takes the first balance the
	 * answer carries; {@link #get(Chain, String)} takes the one asked for.
	 */
	public static final OperationDescriptor<Balance> GET_BALANCE = OperationDescriptor.post("get-balance",
			"/v1/merchant/balance", Idempotency.SAFE, new BalanceDecoder(null, null, CurrencyDecimals.UNKNOWN));

	private final TokenPayExchange exchange;

	private final CurrencyDecimals decimals;

	/**
	 * Create a balance inquiry.
	 * @param exchange the exchange that runs the calls
	 * @param decimals the decimals of currencies known without a call
	 */
	public BalanceInquiry(TokenPayExchange exchange, CurrencyDecimals decimals) {
		this.exchange = exchange;
		this.decimals = decimals;
	}

	/**
	 * Ask for the merchant's balance of a currency.
	 * @param chain the chain
	 * @param currency the currency code, such as {@code USDT}
	 * @return the balance
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayUnexpectedResponseException if the answer carries no balance of
	 * that currency, or one without a usable amount or decimals
	 * @throws me.tokenpay.spring.client.error.TokenPayException for every other failure
	 */
	public Balance get(Chain chain, String currency) {
		if (chain == null) {
			throw new TokenPayInvalidRequestException("chain", "chain must not be null");
		}
		RequestChecks.token("currency", currency, 32);
		OperationRequest call = OperationRequest.about(chain.value() + "/" + currency)
			.parameter("chain", chain.value())
			.parameter("currency", currency)
			.build();
		return this.exchange.call(GET_BALANCE.withDecoder(new BalanceDecoder(chain, currency, this.decimals)), call);
	}

}
