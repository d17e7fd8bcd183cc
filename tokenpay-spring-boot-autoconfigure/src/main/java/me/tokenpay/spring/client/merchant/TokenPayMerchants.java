package me.tokenpay.spring.client.merchant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.notification.NotificationKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The application's merchants and the {@link TokenPayOperations} of each, built once per
 * merchant and immutable: a caller picks a merchant by name or app id for each call, and
 * nothing is switched per thread. Merchants sharing an app id share one rate limit, as
 * TokenPay limits app ids. Also the {@link NotificationKeys} of every merchant, so that a
 * notification is verified with the secret of the app id it names. Thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayMerchants implements NotificationKeys {

	private final TokenPayMerchantRepository repository;

	private final Function<TokenPayMerchant, TokenPayOperations> operationsFactory;

	private final Map<String, TokenPayOperations> operations = new ConcurrentHashMap<>();

	private volatile Map<String, TokenPayMerchant> byName;

	/**
	 * Create the merchants.
	 * @param repository where the merchants come from
	 * @param operationsFactory builds the operations of a merchant
	 */
	public TokenPayMerchants(TokenPayMerchantRepository repository,
			Function<TokenPayMerchant, TokenPayOperations> operationsFactory) {
		this.repository = repository;
		this.operationsFactory = operationsFactory;
		this.byName = load(repository);
	}

	/**
	 * Return the operations of a merchant.
	 * @param name the merchant's name
	 * @return its operations
	 * @throws TokenPayInvalidRequestException if there is no merchant of that name
	 */
	public TokenPayOperations get(String name) {
		TokenPayMerchant merchant = this.byName.get(name);
		if (merchant == null) {
			throw new TokenPayInvalidRequestException("merchant",
					"merchant '" + name + "' is not configured; known merchants are " + names());
		}
		return this.operations.computeIfAbsent(name, (key) -> this.operationsFactory.apply(merchant));
	}

	/**
	 * Return the operations of the merchant with an app id; the first in the repository's
	 * order when several share it.
	 * @param appId the app id
	 * @return its operations
	 * @throws TokenPayInvalidRequestException if no merchant has that app id
	 */
	public TokenPayOperations forAppId(String appId) {
		TokenPayMerchant merchant = findByAppId(appId);
		if (merchant == null) {
			throw new TokenPayInvalidRequestException("appId", "no merchant has app id " + appId);
		}
		return get(merchant.name());
	}

	/**
	 * Return a merchant by name.
	 * @param name the merchant's name
	 * @return the merchant, {@code null} if there is none of that name
	 */
	public @Nullable TokenPayMerchant merchant(String name) {
		return this.byName.get(name);
	}

	/**
	 * Return the names of the merchants.
	 * @return the names, in the repository's order
	 */
	public Set<String> names() {
		return this.byName.keySet();
	}

	/**
	 * Read the merchants again from the repository, forgetting the operations built for
	 * them: calls made afterwards use the new credentials.
	 */
	public void refresh() {
		this.byName = load(this.repository);
		this.operations.clear();
	}

	@Override
	public @Nullable Key key(String appId) {
		TokenPayMerchant merchant = findByAppId(appId);
		return (merchant != null) ? new Key(merchant.name(), merchant.credentials().appSecret()) : null;
	}

	private @Nullable TokenPayMerchant findByAppId(String appId) {
		for (TokenPayMerchant merchant : this.byName.values()) {
			if (merchant.credentials().appId().equals(appId)) {
				return merchant;
			}
		}
		return null;
	}

	private static Map<String, TokenPayMerchant> load(TokenPayMerchantRepository repository) {
		Map<String, TokenPayMerchant> merchants = new LinkedHashMap<>();
		for (TokenPayMerchant merchant : repository.findAll()) {
			Assert.isTrue(merchants.put(merchant.name(), merchant) == null,
					() -> "Merchant name '" + merchant.name() + "' is used twice");
		}
		return Collections.unmodifiableMap(merchants);
	}

	@Override
	public String toString() {
		return "TokenPayMerchants" + names();
	}

}
