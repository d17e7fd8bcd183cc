package me.tokenpay.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signer public TokenPay clients write: build the plaintext as a string, make a key
 * and a {@link Cipher} for every signature.
 *
 * @author TokenPay Spring Boot team
 */
final class NaiveSigner {

	private final String appSecret;

	NaiveSigner(String appSecret) {
		this.appSecret = appSecret;
	}

	String signature(String pathAndQuery, String timestamp, String nonce, byte[] body) {
		String plaintext = pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
				+ new String(body, StandardCharsets.UTF_8);
		try {
			SecretKeySpec key = new SecretKeySpec(this.appSecret.getBytes(StandardCharsets.UTF_8), "AES");
			Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, key);
			return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
