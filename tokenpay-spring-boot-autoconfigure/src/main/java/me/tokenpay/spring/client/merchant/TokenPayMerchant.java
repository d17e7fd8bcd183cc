package me.tokenpay.spring.client.merchant;

import java.net.URI;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A named TokenPay merchant: its credentials and, when it differs from the default, its
 * gateway's base URL. {@link #toString()} never shows the app secret.
 *
 * @param name the merchant's name, such as {@code eu}
 * @param credentials its credentials
 * @param baseUrl its gateway's base URL, {@code null} for the application's
 * @author TokenPay Spring Boot team
 */
public record TokenPayMerchant(String name, TokenPayCredentials credentials, @Nullable URI baseUrl) {

	/**
	 * The name of the merchant configured with the flat {@code tokenpay.app-id},
	 * {@code tokenpay.mch-id} and {@code tokenpay.app-secret}.
	 */
	public static final String DEFAULT_NAME = "default";

	/**
	 * Check the merchant.
	 * @param name the merchant's name
	 * @param credentials its credentials
	 * @param baseUrl its gateway's base URL
	 */
	public TokenPayMerchant {
		Assert.hasText(name, "Name must not be blank");
		Assert.notNull(credentials, "Credentials must not be null");
	}

}
