package me.tokenpay.spring.client.payin;

/**
 * How Create Pay-in order sends its amount. TokenPay's pages disagree: the field table
 * shows minor units ({@code 15000000}), the request example and the known clients send
 * major units as a JSON number ({@code 9}).
 *
 * @author TokenPay Spring Boot team
 */
public enum PayInAmountFormat {

	/**
	 * Major units as a JSON number without exponent, such as {@code 9.99}; the default.
	 */
	NUMBER,

	/**
	 * Major units as a JSON string, such as {@code "9.99"}.
	 */
	STRING,

	/**
	 * Minor units as a JSON integer, such as {@code 9990000} for 9.99 USDT on TRON: the
	 * currency's decimals come from the currency list.
	 */
	MINOR_UNITS

}
