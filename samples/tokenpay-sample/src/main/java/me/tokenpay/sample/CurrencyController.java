package me.tokenpay.sample;

import java.math.BigDecimal;
import java.util.List;

import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the currencies TokenPay supports (served from the client's cache) and the
 * merchant's balance of one.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class CurrencyController {

	private final MerchantSelector merchants;

	/**
	 * Create a new controller.
	 * @param merchants picks the merchant of each request
	 */
	public CurrencyController(MerchantSelector merchants) {
		this.merchants = merchants;
	}

	/**
	 * List the currencies TokenPay supports.
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the currencies
	 */
	@GetMapping("/currencies")
	public List<CurrencyView> currencies(@RequestParam(required = false) @Nullable String merchant) {
		return this.merchants.operations(merchant).currencies().stream().map(CurrencyView::of).toList();
	}

	/**
	 * Show the merchant's balance of a currency.
	 * @param chain the chain, such as {@code TRON}
	 * @param currency the currency, such as {@code USDT}
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the balance
	 */
	@GetMapping("/balance")
	public BalanceView balance(@RequestParam String chain, @RequestParam String currency,
			@RequestParam(required = false) @Nullable String merchant) {
		return BalanceView.of(this.merchants.operations(merchant).balance(RequestFields.chain(chain), currency));
	}

	/**
	 * A currency as this application shows it.
	 *
	 * @param chain the chain
	 * @param currency the currency code
	 * @param decimal its number of decimals
	 * @param network its token standard
	 * @param name its display name
	 */
	public record CurrencyView(String chain, String currency, @Nullable Integer decimal, @Nullable String network,
			@Nullable String name) {

		static CurrencyView of(Currency currency) {
			return new CurrencyView(currency.chain().value(), currency.currency(), currency.decimal(),
					currency.network(), currency.name());
		}

	}

	/**
	 * A balance as this application shows it: in major units as a decimal string.
	 *
	 * @param chain the chain
	 * @param currency the currency code
	 * @param balance the balance, such as {@code "54.67"}
	 */
	public record BalanceView(String chain, String currency, String balance) {

		static BalanceView of(Balance balance) {
			BigDecimal amount = balance.balance();
			return new BalanceView(balance.chain().value(), balance.currency(), amount.toPlainString());
		}

	}

}
