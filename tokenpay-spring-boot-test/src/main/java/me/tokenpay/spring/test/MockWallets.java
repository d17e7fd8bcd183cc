package me.tokenpay.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The wallets a {@link MockTokenPayServer} monitors.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockWallets {

	private final WalletHandlers handlers;

	MockWallets(WalletHandlers handlers) {
		this.handlers = handlers;
	}

	/**
	 * Return a monitored wallet.
	 * @param chain the chain, such as {@code TRON}
	 * @param walletAddress the address
	 * @return the wallet, {@code null} if the server does not monitor it
	 */
	public @Nullable MockWallet get(String chain, String walletAddress) {
		return this.handlers.wallet(chain, walletAddress);
	}

	/**
	 * Return every monitored wallet, oldest first.
	 * @return the wallets
	 */
	public List<MockWallet> all() {
		return this.handlers.wallets();
	}

}
