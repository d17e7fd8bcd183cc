package me.tokenpay.spring.client.payout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.operation.OrderAnswer;
import me.tokenpay.spring.client.operation.LenientFields;
import org.jspecify.annotations.Nullable;

/**
 * A payout as the gateway describes it (its {@code PayAnotherTransactionDetail}). Decoded
 * leniently: every field is optional, unknown fields are ignored, amounts are kept in
 * minor units with their {@code decimals} ({@link #amount()} gives major units), times of
 * {@code 0} are absent, and {@link #tradeState()} keeps undocumented states verbatim.
 * TokenPay documents no payout state machine: {@link #status()} and
 * {@link #notifyStatus()} are kept as the integers it sends.
 *
 * @param outTradeNo the merchant's order number
 * @param transactionId the platform's payout id, the id Cancel Payout takes
 * @param tradeState the trade state
 * @param status the gateway's undocumented status code
 * @param notifyStatus the gateway's undocumented notification status
 * @param minorAmount the amount in minor units
 * @param decimals the number of decimals of the amount
 * @param chain the chain
 * @param currency the currency, such as {@code USDT}
 * @param toAddress the receiving address
 * @param fromAddress the paying address
 * @param txId the on-chain transaction hash
 * @param blockNo the block number
 * @param description the description given at creation
 * @param attach the data attached at creation
 * @param notifyUrl the notification URL
 * @param createTime when the payout was created
 * @param payTime when it was paid
 * @param closeTime when it was closed
 * @param serviceMinorAmount the fee in minor units
 * @param serviceAmountCurrency the currency of the fee
 * @param json the {@code data} object as the gateway sent it, {@code null} when the
 * answer had none
 * @author TokenPay Spring Boot team
 */
public record Payout(@Nullable String outTradeNo, @Nullable String transactionId, @Nullable TradeState tradeState,
		@Nullable Integer status, @Nullable Integer notifyStatus, @Nullable BigInteger minorAmount,
		@Nullable Integer decimals, @Nullable Chain chain, @Nullable String currency, @Nullable String toAddress,
		@Nullable String fromAddress, @Nullable String txId, @Nullable Long blockNo, @Nullable String description,
		@Nullable String attach, @Nullable String notifyUrl, @Nullable Instant createTime, @Nullable Instant payTime,
		@Nullable Instant closeTime, @Nullable BigInteger serviceMinorAmount, @Nullable String serviceAmountCurrency,
		@Nullable String json) implements OrderAnswer {

	/**
	 * Return a payout known only by its merchant order number, for an accepted answer
	 * that carried no detail.
	 * @param outTradeNo the merchant's order number
	 * @return the payout
	 */
	public static Payout withoutDetail(@Nullable String outTradeNo) {
		return new Payout(outTradeNo, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
	}

	/**
	 * Return whether the gateway's answer described the payout.
	 * @return {@code false} when the answer had no {@code data}
	 */
	public boolean hasDetail() {
		return this.json != null;
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

	/**
	 * Return a copy that carries an order number when this one has none.
	 * @param outTradeNo the order number the payout was created with
	 * @return this payout or the copy
	 */
	Payout withDefaultOutTradeNo(String outTradeNo) {
		if (this.outTradeNo != null) {
			return this;
		}
		return new Payout(outTradeNo, this.transactionId, this.tradeState, this.status, this.notifyStatus,
				this.minorAmount, this.decimals, this.chain, this.currency, this.toAddress, this.fromAddress, this.txId,
				this.blockNo, this.description, this.attach, this.notifyUrl, this.createTime, this.payTime,
				this.closeTime, this.serviceMinorAmount, this.serviceAmountCurrency, this.json);
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
		return "Payout[outTradeNo=" + this.outTradeNo + ", transactionId=" + this.transactionId + ", tradeState="
				+ this.tradeState + ", amount=" + amount() + " " + this.currency + ", chain=" + this.chain + "]";
	}

}
