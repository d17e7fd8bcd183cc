package me.tokenpay.spring.client.merchant;

import java.util.List;

/**
 * Where the application's merchants come from: by default its {@code tokenpay.*}
 * properties; an application may load them from its own store instead. Read once and
 * cached by {@link TokenPayMerchants} until {@link TokenPayMerchants#refresh()}.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface TokenPayMerchantRepository {

	/**
	 * Return every merchant.
	 * @return the merchants, names unique
	 */
	List<TokenPayMerchant> findAll();

}
