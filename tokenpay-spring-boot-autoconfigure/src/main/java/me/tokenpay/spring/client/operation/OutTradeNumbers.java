package me.tokenpay.spring.client.operation;

import java.util.HexFormat;
import java.util.UUID;

/**
 * Generates merchant order numbers ({@code out_trade_no}) for creates whose caller gave
 * none: the gateway knows no idempotency key, so every create carries an order number
 * that a query can find and that a repeat reuses.
 *
 * @author TokenPay Spring Boot team
 */
public final class OutTradeNumbers {

	private OutTradeNumbers() {
	}

	/**
	 * Generate an order number: 32 lowercase hex characters from a random UUID.
	 * @return the order number
	 */
	public static String generate() {
		UUID uuid = UUID.randomUUID();
		HexFormat hex = HexFormat.of();
		return hex.toHexDigits(uuid.getMostSignificantBits()) + hex.toHexDigits(uuid.getLeastSignificantBits());
	}

}
