package me.tokenpay.spring.client.currency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import org.jspecify.annotations.Nullable;

/**
 * The merchant's balance of one currency. The gateway sends it in minor units with the
 * currency's {@code decimal}; {@link #balance()} gives major units.
 *
 * @param chain the chain
 * @param currency the currency code, such as {@code USDT}
 * @param minorBalance the balance in minor units
 * @param decimal the number of decimals of the currency
 * @param network the token standard, such as {@code TRC20}
 * @param createTime when the balance record was created
 * @param modifyTime when it last changed
 * @param json the balance object as the gateway sent it
 * @author TokenPay Spring Boot team
 */
public record Balance(Chain chain, String currency, BigInteger minorBalance, int decimal, @Nullable String network,
		@Nullable Instant createTime, @Nullable Instant modifyTime, String json) {

	/**
	 * Return the balance in major units.
	 * @return the balance, such as {@code 54.67}
	 */
	public BigDecimal balance() {
		return new BigDecimal(this.minorBalance, this.decimal);
	}

}
