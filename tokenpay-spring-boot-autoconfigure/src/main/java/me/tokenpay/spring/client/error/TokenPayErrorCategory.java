package me.tokenpay.spring.client.error;

/**
 * What a non-zero gateway code means for the caller, after TokenPay's status code table.
 *
 * @author TokenPay Spring Boot team
 */
public enum TokenPayErrorCategory {

	/**
	 * A temporary condition (11000 operation failed, 11001 too frequent, 20004 frequency
	 * limit); the same call may succeed later.
	 */
	RETRYABLE,

	/**
	 * The credentials, signature or clock are wrong (103 invalid signature, 104 signature
	 * expired, 20000 unknown application, 20001 application disabled); fix the
	 * configuration, retrying will not help.
	 */
	AUTHENTICATION,

	/**
	 * The gateway understood the call and refused it for a business reason (12001 exists,
	 * 12002 unknown, 12003 empty, 20002 balance, 20003 quota).
	 */
	BUSINESS,

	/**
	 * The request was malformed or incomplete (100 parameter error, 11003 missing
	 * parameter, 20005 invalid parameter).
	 */
	VALIDATION,

	/**
	 * A code that TokenPay's table does not list.
	 */
	UNKNOWN;

	/**
	 * Classify a gateway code.
	 * @param code the non-zero gateway code
	 * @return its category, {@link #UNKNOWN} for codes not in TokenPay's table
	 */
	public static TokenPayErrorCategory of(int code) {
		return switch (code) {
			case 11000, 11001, 20004 -> RETRYABLE;
			case 103, 104, 20000, 20001 -> AUTHENTICATION;
			case 12001, 12002, 12003, 20002, 20003 -> BUSINESS;
			case 100, 11003, 20005 -> VALIDATION;
			default -> UNKNOWN;
		};
	}

}
