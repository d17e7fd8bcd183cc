package me.tokenpay.spring.client.currency;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import org.jspecify.annotations.Nullable;

/**
 * A currency TokenPay supports (its {@code CurrencyDetail}). Decoded leniently: numbers
 * and yes/no flags are accepted as JSON numbers or strings, unknown fields are ignored,
 * and every field but the chain and the currency code is optional.
 *
 * @param chain the chain, such as {@link Chain#TRON}
 * @param currency the currency code, such as {@code USDT}
 * @param code the gateway's code of the pair, such as {@code TRON_USDT}
 * @param network the token standard, such as {@code TRC20}
 * @param name the display name
 * @param logo the URL of its logo
 * @param contractAddress the token's contract address, empty for a native coin
 * @param decimal the number of decimals of its amounts
 * @param fiat whether it is a fiat currency
 * @param paymentQrCode whether it can be paid by QR code
 * @param paymentConnectWallet whether it can be paid by connecting a wallet
 * @param paymentTronLink whether it can be paid with TronLink
 * @param minPaymentAmount the smallest payment, {@code 0} for none
 * @param maxPaymentAmount the largest payment, {@code 0} for none
 * @param json the object as the gateway sent it
 * @author TokenPay Spring Boot team
 */
public record Currency(Chain chain, String currency, @Nullable String code, @Nullable String network,
		@Nullable String name, @Nullable String logo, @Nullable String contractAddress, @Nullable Integer decimal,
		@Nullable Boolean fiat, @Nullable Boolean paymentQrCode, @Nullable Boolean paymentConnectWallet,
		@Nullable Boolean paymentTronLink, @Nullable BigDecimal minPaymentAmount, @Nullable BigDecimal maxPaymentAmount,
		String json) {

	/**
	 * Return whether this is a currency on a chain.
	 * @param chain the chain
	 * @param currency the currency code
	 * @return whether both match
	 */
	public boolean is(Chain chain, String currency) {
		return this.chain.equals(chain) && this.currency.equals(currency);
	}

}
