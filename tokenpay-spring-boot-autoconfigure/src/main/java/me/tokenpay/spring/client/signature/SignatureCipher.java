package me.tokenpay.spring.client.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import me.tokenpay.spring.client.TokenPayCredentials;

import org.springframework.util.Assert;

/**
 * TokenPay's signature primitive: Base64 of AES-256-ECB with PKCS#7 padding, keyed with
 * the app secret's UTF-8 bytes. The key is prepared once and initialised {@link Cipher}
 * instances are pooled, so signing allocates no cipher and is safe to call from any
 * number of threads.
 *
 * @author TokenPay Spring Boot team
 */
public final class SignatureCipher {

	private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";

	private final SecretKeySpec key;

	private final Queue<Cipher> encryptors = new ConcurrentLinkedQueue<>();

	private final Queue<Cipher> decryptors = new ConcurrentLinkedQueue<>();

	/**
	 * Create a cipher for an app secret.
	 * @param appSecret the app secret, exactly 32 UTF-8 bytes
	 * @throws IllegalArgumentException if the secret is not 32 UTF-8 bytes long
	 */
	public SignatureCipher(String appSecret) {
		byte[] keyBytes = appSecret.getBytes(StandardCharsets.UTF_8);
		Assert.isTrue(keyBytes.length == TokenPayCredentials.APP_SECRET_LENGTH,
				() -> "App secret must be exactly 32 UTF-8 bytes (an AES-256 key) but has " + keyBytes.length);
		this.key = new SecretKeySpec(keyBytes, "AES");
		this.encryptors.add(newCipher(Cipher.ENCRYPT_MODE));
	}

	/**
	 * Sign a plaintext.
	 * @param plaintext the bytes to sign
	 * @return the Base64 signature
	 */
	public String sign(byte[] plaintext) {
		return Base64.getEncoder().encodeToString(apply(this.encryptors, Cipher.ENCRYPT_MODE, plaintext));
	}

	/**
	 * Recover the plaintext of a signature, which proves that it was made with the same
	 * secret.
	 * @param signature the Base64 signature
	 * @return the signed plaintext
	 * @throws IllegalArgumentException if the signature is not Base64 or was not made
	 * with this secret
	 */
	public byte[] open(String signature) {
		byte[] ciphertext;
		try {
			ciphertext = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Signature is not valid Base64", ex);
		}
		Assert.isTrue(ciphertext.length > 0 && ciphertext.length % 16 == 0,
				"Signature is not a whole number of AES blocks");
		return apply(this.decryptors, Cipher.DECRYPT_MODE, ciphertext);
	}

	private byte[] apply(Queue<Cipher> pool, int mode, byte[] input) {
		Cipher cipher = pool.poll();
		if (cipher == null) {
			cipher = newCipher(mode);
		}
		byte[] output;
		try {
			output = cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Signature was not made with this app secret", ex);
		}
		pool.offer(cipher);
		return output;
	}

	private Cipher newCipher(int mode) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, this.key);
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JVM does not provide " + TRANSFORMATION, ex);
		}
	}

	@Override
	public String toString() {
		return "SignatureCipher[" + TRANSFORMATION + ", key=******]";
	}

}
