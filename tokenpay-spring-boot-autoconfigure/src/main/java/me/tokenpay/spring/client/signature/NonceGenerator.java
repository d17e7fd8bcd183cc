package me.tokenpay.spring.client.signature;

/**
 * Source of the {@code nonce_str} of signed requests. Implementations must be thread-safe
 * and return a fresh value on every call.
 *
 * @author TokenPay Spring Boot team
 * @see SecureRandomNonceGenerator
 */
@FunctionalInterface
public interface NonceGenerator {

	/**
	 * Return a new nonce, 32 characters that need no escaping in a header.
	 * @return a new nonce
	 */
	String generate();

}
