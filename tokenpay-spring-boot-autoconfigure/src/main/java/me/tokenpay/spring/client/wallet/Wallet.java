package me.tokenpay.spring.client.wallet;

import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.AnswerSubject;
import me.tokenpay.spring.client.operation.LenientFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A monitored wallet as the gateway describes it (its {@code WalletDetail}). Decoded
 * leniently like the other details: every field is optional and unknown fields are
 * ignored. Its times are epoch <em>seconds</em>, unlike the milliseconds of orders; a
 * time of {@code 0} (a wallet that never received anything) is absent.
 *
 * @param appId the app id it is registered for
 * @param mchId the merchant id
 * @param name the merchant's note, such as the end user's id
 * @param chain the chain
 * @param walletAddress the address
 * @param createTime when it was registered
 * @param lastTime when it last received a deposit
 * @author TokenPay Spring Boot team
 */
public record Wallet(@Nullable String appId, @Nullable String mchId, @Nullable String name, @Nullable Chain chain,
		@Nullable String walletAddress, @Nullable Instant createTime,
		@Nullable Instant lastTime) implements AnswerSubject {

	/**
	 * Read a {@code WalletDetail}.
	 * @param data the {@code data} object
	 * @return the wallet
	 * @throws me.tokenpay.spring.client.operation.InvalidFieldException if a field is
	 * present but out of range
	 */
	public static Wallet decode(JsonNode data) {
		return new Wallet(LenientFields.text(data, "app_id"), LenientFields.text(data, "mch_id"),
				LenientFields.text(data, "name"), LenientFields.boundChain(data, "chain"),
				LenientFields.boundText(data, "wallet_address"), LenientFields.epochSeconds(data, "create_time"),
				LenientFields.epochSeconds(data, "last_time"));
	}

	@Override
	public @Nullable Object answered(AnswerField field) {
		return switch (field) {
			case CHAIN -> this.chain;
			case WALLET_ADDRESS -> this.walletAddress;
			case OUT_TRADE_NO, TRANSACTION_ID, AMOUNT, CURRENCY, TO_ADDRESS -> null;
		};
	}

}
