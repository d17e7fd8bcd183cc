package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;

import me.tokenpay.spring.client.Chain;
import org.jspecify.annotations.Nullable;

/**
 * An order as an answer states it, a payout or a pay-in order alike: what the
 * {@link TokenPayExchange} compares with the call that asked about it.
 *
 * @author TokenPay Spring Boot team
 */
public interface OrderAnswer extends AnswerSubject {

	/**
	 * Return the merchant's order number.
	 * @return the order number, {@code null} if the answer did not say
	 */
	@Nullable String outTradeNo();

	/**
	 * Return the platform's id of the order.
	 * @return the id, {@code null} if the answer did not say
	 */
	@Nullable String transactionId();

	/**
	 * Return the amount in major units.
	 * @return the amount, {@code null} if the answer did not say
	 */
	@Nullable BigDecimal amount();

	/**
	 * Return the chain.
	 * @return the chain, {@code null} if the answer did not say
	 */
	@Nullable Chain chain();

	/**
	 * Return the currency.
	 * @return the currency, {@code null} if the answer did not say
	 */
	@Nullable String currency();

	/**
	 * Return the receiving address.
	 * @return the address, {@code null} if the answer did not say
	 */
	@Nullable String toAddress();

	@Override
	default @Nullable Object answered(AnswerField field) {
		return switch (field) {
			case OUT_TRADE_NO -> outTradeNo();
			case TRANSACTION_ID -> transactionId();
			case AMOUNT -> amount();
			case CHAIN -> chain();
			case CURRENCY -> currency();
			case TO_ADDRESS -> toAddress();
			case WALLET_ADDRESS -> null;
		};
	}

}
