package me.tokenpay.sample;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Picks the TokenPay operations of a request: the default merchant's, or those of the
 * merchant named by its {@code ?merchant=} parameter. An unknown name is a
 * {@link me.tokenpay.spring.client.error.TokenPayInvalidRequestException} naming the
 * field {@code merchant}, answered {@code 400}.
 *
 * @author TokenPay Spring Boot team
 */
@Component
public class MerchantSelector {

	private final TokenPayOperations defaultOperations;

	private final TokenPayMerchants merchants;

	/**
	 * Create a selector.
	 * @param defaultOperations the default merchant's operations
	 * @param merchants every configured merchant
	 */
	public MerchantSelector(TokenPayOperations defaultOperations, TokenPayMerchants merchants) {
		this.defaultOperations = defaultOperations;
		this.merchants = merchants;
	}

	/**
	 * Return the operations of a merchant.
	 * @param merchant the merchant's name, {@code null} for the default merchant
	 * @return its operations
	 */
	public TokenPayOperations operations(@Nullable String merchant) {
		return (merchant != null) ? this.merchants.get(merchant) : this.defaultOperations;
	}

}
