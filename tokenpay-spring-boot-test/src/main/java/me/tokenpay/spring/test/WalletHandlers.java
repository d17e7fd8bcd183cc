package me.tokenpay.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.wallet.WalletTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the monitored-wallet operations of {@link MockTokenPayServer} and keeps the
 * wallets, by chain and address: add ({@code 12001} for a wallet already monitored),
 * update (only the note changes), delete and query ({@code 12002} for a wallet not
 * monitored). A {@code WalletDetail}'s times are epoch seconds, as documented.
 *
 * @author TokenPay Spring Boot team
 */
final class WalletHandlers {

	private static final Set<String> CHAINS = Set.of("TRON", "ETHEREUM", "BSC");

	private final Map<String, MockWallet> wallets = new LinkedHashMap<>();

	/**
	 * Return the handlers of the wallet operations, by operation name.
	 * @return the handlers
	 */
	Map<String, MockOperationHandler> handlers() {
		return Map.of(WalletTemplate.ADD_WALLET.name(), this::add, WalletTemplate.UPDATE_WALLET.name(), this::update,
				WalletTemplate.DELETE_WALLET.name(), this::delete, WalletTemplate.QUERY_WALLET.name(), this::query);
	}

	MockAnswer add(MockCall call) {
		MockWallet wallet = new MockWallet(chain(call), call.requiredText("wallet_address"),
				call.optionalText("name", 128), call.now());
		synchronized (this.wallets) {
			if (this.wallets.putIfAbsent(key(wallet.chain(), wallet.walletAddress()), wallet) != null) {
				return MockAnswer.rejection(12001, "Data is exist: the wallet is already monitored");
			}
		}
		return MockAnswer.success(detail(wallet, call.credentials()));
	}

	MockAnswer update(MockCall call) {
		String chain = chain(call);
		String address = call.requiredText("wallet_address");
		String name = call.optionalText("name", 128);
		MockWallet updated;
		synchronized (this.wallets) {
			updated = this.wallets.computeIfPresent(key(chain, address),
					(key, wallet) -> new MockWallet(chain, address, name, wallet.createTime()));
		}
		return (updated != null) ? MockAnswer.success(detail(updated, call.credentials())) : absent();
	}

	MockAnswer delete(MockCall call) {
		String key = key(chain(call), call.requiredText("wallet_address"));
		synchronized (this.wallets) {
			return (this.wallets.remove(key) != null) ? MockAnswer.success(null) : absent();
		}
	}

	MockAnswer query(MockCall call) {
		String address = call.requiredText("wallet_address");
		String chain = call.optionalText("chain", 32);
		synchronized (this.wallets) {
			for (MockWallet wallet : this.wallets.values()) {
				if (wallet.walletAddress().equals(address) && (chain == null || wallet.chain().equals(chain))) {
					return MockAnswer.success(detail(wallet, call.credentials()));
				}
			}
		}
		return absent();
	}

	@Nullable MockWallet wallet(String chain, String walletAddress) {
		synchronized (this.wallets) {
			return this.wallets.get(key(chain, walletAddress));
		}
	}

	List<MockWallet> wallets() {
		synchronized (this.wallets) {
			return List.copyOf(new ArrayList<>(this.wallets.values()));
		}
	}

	void clear() {
		synchronized (this.wallets) {
			this.wallets.clear();
		}
	}

	private static String chain(MockCall call) {
		String chain = call.requiredText("chain");
		if (!CHAINS.contains(chain)) {
			throw new Rejection(100, "Request parameter error: chain must be one of " + CHAINS);
		}
		return chain;
	}

	private static String key(String chain, String walletAddress) {
		return chain + "/" + walletAddress;
	}

	private static MockAnswer absent() {
		return MockAnswer.rejection(12002, "Data is absence");
	}

	private static ObjectNode detail(MockWallet wallet, TokenPayCredentials merchant) {
		ObjectNode detail = Answer.JSON.createObjectNode()
			.put("app_id", merchant.appId())
			.put("mch_id", merchant.mchId())
			.put("name", (wallet.name() != null) ? wallet.name() : "")
			.put("chain", wallet.chain())
			.put("wallet_address", wallet.walletAddress())
			.put("create_time", wallet.createTime().getEpochSecond())
			.put("last_time", 0);
		return detail;
	}

}
