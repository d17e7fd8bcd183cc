package me.tokenpay.spring.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import me.tokenpay.spring.client.operation.RequestChecks;

/**
 * A blockchain as TokenPay names it: an open value type, so a chain the gateway adds
 * later is kept as sent rather than rejected.
 *
 * @param value the name as TokenPay spells it, for example {@code TRON}
 * @author TokenPay Spring Boot team
 */
public record Chain(@JsonValue String value) {

	/**
	 * TRON.
	 */
	public static final Chain TRON = new Chain("TRON");

	/**
	 * Ethereum.
	 */
	public static final Chain ETHEREUM = new Chain("ETHEREUM");

	/**
	 * BNB Smart Chain.
	 */
	public static final Chain BSC = new Chain("BSC");

	/**
	 * Create a chain.
	 * @param value the name as TokenPay spells it
	 * @throws me.tokenpay.spring.client.error.TokenPayInvalidRequestException if the name
	 * is blank, longer than 32 characters or has whitespace or control characters
	 */
	public Chain {
		RequestChecks.token("chain", value, 32);
	}

	/**
	 * Return the chain of a name.
	 * @param value the name as TokenPay spells it
	 * @return the chain
	 */
	@JsonCreator
	public static Chain of(String value) {
		return new Chain(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
