package me.tokenpay.spring.client.payin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.operation.OrderAnswer;
import me.tokenpay.spring.client.operation.LenientFields;
import org.jspecify.annotations.Nullable;

/**
 * A pay-in order as the gateway describes it (its {@code TransactionDetail}). Decoded
 * leniently: every field is optional, unknown fields are ignored, numbers are accepted as
 * JSON numbers or strings, amounts are kept in minor units with their {@code decimals}
 * ({@link #amount()} gives major units), times of {@code 0} are absent, and
 * {@link #tradeState()} keeps undocumented states verbatim. The documented states are
 * {@code NOTPAY}, then {@code SUCCESS} (paid: {@link #payTime()}, {@link #txId()} and
 * {@link #blockNo()} set) or {@code CLOSED} (closed or expired), and {@code REFUND}.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's order id, the id that closes it
 * @param tradeState the trade state
 * @param status the gateway's undocumented status code
 * @param notifyStatus the gateway's undocumented notification status
 * @param minorAmount the amount in minor units
 * @param decimals the number of decimals of the amount
 * @param chain the chain
 * @param currency the currency, such as {@code USDT}
 * @param toAddress the receiving address
 * @param fromAddress the paying address
 * @param contractAddress the token's contract address, empty for a native coin
 * @param txId the on-chain transaction hash
 * @param blockNo the block number
 * @param description the description given at creation
 * @param attach the data attached at creation
 * @param notifyUrl the notification URL
 * @param createTime when the order was created
 * @param expireTime when it expires unpaid
 * @param payTime when it was paid
 * @param blockTime the time of the block it was paid in
 * @param closeTime when it was closed
 * @param serviceMinorAmount the fee in minor units
 * @param serviceAmountCurrency the currency of the fee
 * @param json the {@code data} object as the gateway sent it, {@code null} when the
 * answer had none
 * @author TokenPay Spring Boot team
 */
public record Transaction(@Nullable String outTradeNo, @Nullable String transactionId, @Nullable TradeState tradeState,
		@Nullable Integer status, @Nullable Integer notifyStatus, @Nullable BigInteger minorAmount,
		@Nullable Integer decimals, @Nullable Chain chain, @Nullable String currency, @Nullable String toAddress,
		@Nullable String fromAddress, @Nullable String contractAddress, @Nullable String txId, @Nullable Long blockNo,
		@Nullable String description, @Nullable String attach, @Nullable String notifyUrl, @Nullable Instant createTime,
		@Nullable Instant expireTime, @Nullable Instant payTime, @Nullable Instant blockTime,
		@Nullable Instant closeTime, @Nullable BigInteger serviceMinorAmount, @Nullable String serviceAmountCurrency,
		@Nullable String json) implements OrderAnswer {

	/**
	 * Return a pay-in order known by nothing, for an accepted answer that carried no
	 * detail.
	 * @return the order
	 */
	public static Transaction withoutDetail() {
		return new Transaction(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Return whether the gateway's answer described the order.
	 * @return {@code false} when the answer had no {@code data}
	 */
	public boolean hasDetail() {
		return this.json != null;
	}

	/**
	 * Return whether the order was paid.
	 * @return whether its state is {@link TradeState#SUCCESS}
	 */
	public boolean isPaid() {
		return TradeState.SUCCESS.equals(this.tradeState);
	}

	/**
	 * Return the amount in major units.
	 * @return the amount, {@code null} unless both the minor amount and the decimals are
	 * known
	 */
	public @Nullable BigDecimal amount() {
		return majorUnits(this.minorAmount);
	}

	/**
	 * Return the fee in major units, in the same decimals as the amount.
	 * @return the fee, {@code null} unless both the minor fee and the decimals are known
	 */
	public @Nullable BigDecimal serviceAmount() {
		return majorUnits(this.serviceMinorAmount);
	}

	private @Nullable BigDecimal majorUnits(@Nullable BigInteger minor) {
		return LenientFields.majorUnits(minor, this.decimals);
	}

	/**
	 * Describe the ids, state and amount, without the raw {@link #json()}, which may be a
	 * decrypted notification.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "Transaction[outTradeNo=" + this.outTradeNo + ", transactionId=" + this.transactionId + ", tradeState="
				+ this.tradeState + ", amount=" + amount() + " " + this.currency + ", chain=" + this.chain + "]";
	}

}
