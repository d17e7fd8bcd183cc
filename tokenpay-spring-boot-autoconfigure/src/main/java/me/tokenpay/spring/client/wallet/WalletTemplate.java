package me.tokenpay.spring.client.wallet;

import java.util.List;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.operation.AnswerField;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.operation.RequestChecks;
import me.tokenpay.spring.client.operation.TokenPayExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link WalletOperations} on a {@link TokenPayExchange}. Every wallet operation is
 * declared here once. Registering, renaming and deleting are idempotent (repeating one
 * leaves the same registration), so they are retried like a cancel; a registration is no
 * money movement.
 *
 * @author TokenPay Spring Boot team
 */
public final class WalletTemplate implements WalletOperations {

	/**
	 * Register a monitored wallet.
	 */
	public static final OperationDescriptor<Wallet> ADD_WALLET = OperationDescriptor.post("add-wallet",
			"/v1/wallet/insert", Idempotency.IDEMPOTENT, detail());

	/**
	 * Change a monitored wallet's note; the answer is taken to be its detail, as for
	 * {@link #ADD_WALLET} (the documents' answer table is cut off).
	 */
	public static final OperationDescriptor<Wallet> UPDATE_WALLET = OperationDescriptor.post("update-wallet",
			"/v1/wallet/update", Idempotency.IDEMPOTENT, detail());

	/**
	 * Stop monitoring a wallet; the answer carries no data.
	 */
	public static final OperationDescriptor<Boolean> DELETE_WALLET = OperationDescriptor.post("delete-wallet",
			"/v1/wallet/delete", Idempotency.IDEMPOTENT, (envelope) -> Boolean.TRUE);

	/**
	 * Look up a monitored wallet: a {@code GET} with its address in the query string, as
	 * documented.
	 */
	public static final OperationDescriptor<Wallet> QUERY_WALLET = OperationDescriptor
		.post("query-wallet", "/v1/wallet/query", Idempotency.SAFE, detail())
		.withQueryMethod(QueryMethod.GET);

	/**
	 * The wallet operations, as declared here.
	 */
	public static final List<OperationDescriptor<?>> OPERATIONS = List.of(ADD_WALLET, UPDATE_WALLET, DELETE_WALLET,
			QUERY_WALLET);

	private static final Wallet UNKNOWN = new Wallet(null, null, null, null, null, null, null);

	private static final int MAX_ADDRESS_LENGTH = 128;

	private static final int MAX_NAME_LENGTH = 128;

	private final TokenPayExchange exchange;

	/**
	 * Create the wallet operations.
	 * @param exchange the exchange that runs the calls
	 */
	public WalletTemplate(TokenPayExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public Wallet add(Chain chain, String walletAddress, @Nullable String name) {
		return this.exchange.call(ADD_WALLET, registration(chain, walletAddress, name));
	}

	@Override
	public Wallet update(Chain chain, String walletAddress, @Nullable String name) {
		return this.exchange.call(UPDATE_WALLET, registration(chain, walletAddress, name));
	}

	@Override
	public void delete(Chain chain, String walletAddress) {
		String address = address(walletAddress);
		this.exchange.call(DELETE_WALLET,
				OperationRequest.about(address)
					.parameter(AnswerField.WALLET_ADDRESS.jsonName(), address)
					.parameter("chain", chain(chain).value())
					.build());
	}

	@Override
	public Wallet get(Chain chain, String walletAddress) {
		return this.exchange.call(QUERY_WALLET, about(chain, walletAddress).build());
	}

	private static OperationRequest registration(Chain chain, String walletAddress, @Nullable String name) {
		return about(chain, walletAddress).parameter("name", RequestChecks.optionalText("name", name, MAX_NAME_LENGTH))
			.build();
	}

	/**
	 * A call about one wallet, whose answer must be about that wallet on that chain.
	 */
	private static OperationRequest.Builder about(@Nullable Chain chain, String walletAddress) {
		Chain checked = chain(chain);
		String address = address(walletAddress);
		return OperationRequest.about(address)
			.bound(AnswerField.WALLET_ADDRESS, address)
			.parameter("chain", checked.value())
			.expect(AnswerField.CHAIN, checked);
	}

	private static Chain chain(@Nullable Chain chain) {
		if (chain == null) {
			throw new TokenPayInvalidRequestException("chain", "chain must not be null");
		}
		return chain;
	}

	private static String address(String walletAddress) {
		return RequestChecks.token("walletAddress", walletAddress, MAX_ADDRESS_LENGTH);
	}

	/**
	 * A {@code WalletDetail}; an answer without one is a wallet known by nothing, which
	 * the answer rule accepts.
	 */
	private static DataDecoder<Wallet> detail() {
		return (envelope) -> {
			JsonNode data = envelope.data();
			return (data != null && data.isObject()) ? Wallet.decode(data) : UNKNOWN;
		};
	}

}
