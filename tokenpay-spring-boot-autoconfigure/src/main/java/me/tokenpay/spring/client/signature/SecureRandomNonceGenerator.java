package me.tokenpay.spring.client.signature;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@link NonceGenerator} producing 32 upper-case hexadecimal characters (128 bits) from a
 * {@link SecureRandom}, the form of TokenPay's documented example.
 *
 * @author TokenPay Spring Boot team
 */
public final class SecureRandomNonceGenerator implements NonceGenerator {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HEX.formatHex(bytes);
	}

}
