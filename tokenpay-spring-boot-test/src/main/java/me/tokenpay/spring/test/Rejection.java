package me.tokenpay.spring.test;

/**
 * A request that {@link MockTokenPayServer} refuses with a gateway code.
 *
 * @author TokenPay Spring Boot team
 */
final class Rejection extends RuntimeException {

	private final int code;

	private final String message;

	Rejection(int code, String message) {
		super(message, null, false, false);
		this.code = code;
		this.message = message;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

	int code() {
		return this.code;
	}

}
