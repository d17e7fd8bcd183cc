package me.tokenpay.spring.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A wallet that {@link MockTokenPayServer} monitors, as a test sees it.
 *
 * @param chain the chain, such as {@code TRON}
 * @param walletAddress the address
 * @param name the merchant's note
 * @param createTime when it was registered
 * @author TokenPay Spring Boot team
 */
public record MockWallet(String chain, String walletAddress, @Nullable String name, Instant createTime) {

}
