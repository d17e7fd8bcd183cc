package me.tokenpay.spring.client.operation;

/**
 * A field by which an answer is checked against the call it answers: an id the call asked
 * about, or a money field that a create echoes. Names are the gateway's JSON names.
 *
 * @author TokenPay Spring Boot team
 */
public enum AnswerField {

	/**
	 * The merchant's order number.
	 */
	OUT_TRADE_NO("out_trade_no"),

	/**
	 * The platform's id of a payout or pay-in order.
	 */
	TRANSACTION_ID("transaction_id"),

	/**
	 * The amount in major units, compared by value ({@code 12.5} equals {@code 12.50}).
	 */
	AMOUNT("amount"),

	/**
	 * The chain.
	 */
	CHAIN("chain"),

	/**
	 * The currency.
	 */
	CURRENCY("currency"),

	/**
	 * The receiving address.
	 */
	TO_ADDRESS("to_address"),

	/**
	 * The address of a monitored wallet.
	 */
	WALLET_ADDRESS("wallet_address");

	private final String jsonName;

	AnswerField(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * Return the gateway's name of the field.
	 * @return the JSON name
	 */
	public String jsonName() {
		return this.jsonName;
	}

}
