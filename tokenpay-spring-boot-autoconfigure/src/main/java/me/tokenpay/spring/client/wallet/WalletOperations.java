package me.tokenpay.spring.client.wallet;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The monitored-wallet operations: register one of the merchant's receiving addresses,
 * change its note, stop monitoring it, or look it up. A deposit to a monitored wallet is
 * notified like a paid pay-in order (a {@code transaction} resource whose
 * {@code to_address} is the wallet). TokenPay's documents call the mode legacy in places;
 * the operations are kept here as documented.
 *
 * @author TokenPay Spring Boot team
 */
public interface WalletOperations {

	/**
	 * Register a wallet to be monitored.
	 * @param chain the chain, such as {@link Chain#TRON}
	 * @param walletAddress the address
	 * @param name a note, such as the end user's id; {@code null} for none
	 * @return the wallet as registered
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayApiException if the gateway refused it, such as for an address it
	 * already monitors
	 * @throws TokenPayException for every other failure
	 */
	Wallet add(Chain chain, String walletAddress, @Nullable String name);

	/**
	 * Change the note of a monitored wallet; its chain and address identify it.
	 * @param chain the chain
	 * @param walletAddress the address
	 * @param name the new note, {@code null} for none
	 * @return the wallet as updated
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayApiException if the gateway refused it, such as for a wallet it
	 * does not monitor
	 * @throws TokenPayException for every other failure
	 */
	Wallet update(Chain chain, String walletAddress, @Nullable String name);

	/**
	 * Stop monitoring a wallet.
	 * @param chain the chain
	 * @param walletAddress the address; required, although documented as optional (what a
	 * delete without one does is not documented)
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayApiException if the gateway refused it
	 * @throws TokenPayException for every other failure
	 */
	void delete(Chain chain, String walletAddress);

	/**
	 * Look up a monitored wallet.
	 * @param chain the chain it must be on
	 * @param walletAddress the address
	 * @return the wallet
	 * @throws TokenPayInvalidRequestException if an argument is unusable; nothing is sent
	 * @throws TokenPayApiException if the gateway refused it, {@code 12002} for a wallet
	 * it does not monitor
	 * @throws TokenPayException for every other failure
	 */
	Wallet get(Chain chain, String walletAddress);

}
