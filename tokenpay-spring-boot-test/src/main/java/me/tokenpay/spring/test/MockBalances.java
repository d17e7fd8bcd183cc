package me.tokenpay.spring.test;

import java.math.BigDecimal;

import org.springframework.util.Assert;

/**
 * The merchant's balances and the currencies a {@link MockTokenPayServer} knows.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockBalances {

	private final PayoutStore store;

	private final CurrencyTable currencies;

	MockBalances(PayoutStore store, CurrencyTable currencies) {
		this.store = store;
		this.currencies = currencies;
	}

	/**
	 * Set the merchant's balance of a currency. Every known currency that was never
	 * seeded holds 1,000,000.
	 * @param chain the chain, such as {@code TRON}
	 * @param currency the currency, such as {@code USDT}
	 * @param amount the balance in major units
	 * @return these balances
	 */
	public MockBalances seed(String chain, String currency, BigDecimal amount) {
		Assert.isTrue(amount.signum() >= 0, "Balance must not be negative");
		this.store.seedBalance(chain, currency, amount);
		return this;
	}

	/**
	 * Return the merchant's balance of a currency.
	 * @param chain the chain
	 * @param currency the currency
	 * @return the balance in major units
	 */
	public BigDecimal get(String chain, String currency) {
		return this.store.balance(chain, currency);
	}

	/**
	 * Add a currency that payouts, pay-ins, the balance inquiry and the currency list
	 * know, or change its decimals. Known by default: TRON/TRX and TRON/USDT (6),
	 * ETHEREUM/ETH (18), ETHEREUM/USDT (6), BSC/BNB and BSC/USDT (18).
	 * @param chain the chain
	 * @param currency the currency
	 * @param decimals its decimals
	 * @return these balances
	 */
	public MockBalances seedCurrency(String chain, String currency, int decimals) {
		Assert.isTrue(decimals >= 0, "Decimals must not be negative");
		this.currencies.seed(chain, currency, decimals);
		return this;
	}

}
