package me.tokenpay.spring.client;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * The merchant credentials from TokenPay's merchant backstage.
 *
 * @param appId the application id ({@code app_id})
 * @param mchId the merchant id ({@code mch_id})
 * @param appSecret the application secret, exactly 32 UTF-8 bytes (an AES-256 key); never
 * printed
 * @author TokenPay Spring Boot team
 */
public record TokenPayCredentials(String appId, String mchId, String appSecret) {

	/**
	 * Number of UTF-8 bytes an app secret must have.
	 */
	public static final int APP_SECRET_LENGTH = 32;

	/**
	 * Create credentials, checking their form.
	 * @param appId the application id
	 * @param mchId the merchant id
	 * @param appSecret the application secret
	 * @throws IllegalArgumentException if a value is blank or the secret is not 32 UTF-8
	 * bytes long
	 */
	public TokenPayCredentials {
		Assert.hasText(appId, "App id must not be blank");
		Assert.hasText(mchId, "Merchant id must not be blank");
		Assert.hasText(appSecret, "App secret must not be blank");
		int length = appSecret.getBytes(StandardCharsets.UTF_8).length;
		Assert.isTrue(length == APP_SECRET_LENGTH, () -> "App secret must be exactly " + APP_SECRET_LENGTH
				+ " UTF-8 bytes (an AES-256 key) but has " + length);
	}

	@Override
	public String toString() {
		return "TokenPayCredentials[appId=" + this.appId + ", mchId=" + this.mchId + ", appSecret=******]";
	}

}
