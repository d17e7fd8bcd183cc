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

	private final Function<Set<String>, String> defaultChooser;

	private final OperationsFactory operationsFactory;

	private final Map<String, TokenPayOperations> operations = new ConcurrentHashMap<>();

	private volatile Loaded loaded;

	/**
	 * Create the merchants, reading them from the repository once.
	 * @param repository where the merchants come from
	 * @param defaultChooser picks the default merchant's name among the names read
	 * @param operationsFactory builds the operations of a merchant
	 */
	public TokenPayMerchants(TokenPayMerchantRepository repository, Function<Set<String>, String> defaultChooser,
			OperationsFactory operationsFactory) {
		this.repository = repository;
		this.defaultChooser = defaultChooser;
		this.operationsFactory = operationsFactory;
		this.loaded = load();
	}

	/**
	 * Return the operations of a merchant.
	 * @param name the merchant's name
	 * @return its operations
	 * @throws TokenPayInvalidRequestException if there is no merchant of that name
	 */
	public TokenPayOperations get(String name) {
		Loaded current = this.loaded;
		TokenPayMerchant merchant = current.byName().get(name);
		if (merchant == null) {
			throw new TokenPayInvalidRequestException("merchant",
					"merchant '" + name + "' is not configured; known merchants are " + names());
		}
		boolean isDefault = name.equals(current.defaultName());
		return this.operations.computeIfAbsent(name, (key) -> this.operationsFactory.create(merchant, isDefault));
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
		return this.loaded.byName().get(name);
	}

	/**
	 * Return the name of the default merchant, whose operations the application uses when
	 * it names none.
	 * @return the default merchant's name
	 */
	public String defaultName() {
		return this.loaded.defaultName();
	}

	/**
	 * Return the names of the merchants.
	 * @return the names, in the repository's order
	 */
	public Set<String> names() {
		return this.loaded.byName().keySet();
	}

	/**
	 * Read the merchants again from the repository, forgetting the operations built for
	 * them: calls made afterwards use the new credentials.
	 */
	public void refresh() {
		this.loaded = load();
		this.operations.clear();
	}

	@Override
	public @Nullable Key key(String appId) {
		TokenPayMerchant merchant = findByAppId(appId);
		return (merchant != null) ? new Key(merchant.name(), merchant.credentials().appSecret()) : null;
	}

	private @Nullable TokenPayMerchant findByAppId(String appId) {
		for (TokenPayMerchant merchant : this.loaded.byName().values()) {
			if (merchant.credentials().appId().equals(appId)) {
				return merchant;
			}
		}
		return null;
	}

	private Loaded load() {
		Map<String, TokenPayMerchant> merchants = new LinkedHashMap<>();
		for (TokenPayMerchant merchant : this.repository.findAll()) {
			Assert.isTrue(merchants.put(merchant.name(), merchant) == null,
					() -> "Merchant name '" + merchant.name() + "' is used twice");
		}
		Map<String, TokenPayMerchant> byName = Collections.unmodifiableMap(merchants);
		String defaultName = this.defaultChooser.apply(byName.keySet());
		Assert.isTrue(byName.containsKey(defaultName), () -> "Default merchant '" + defaultName + "' is unknown");
		return new Loaded(byName, defaultName);
	}

	@Override
	public String toString() {
		return "TokenPayMerchants" + names();
	}

	/**
	 * Builds the operations of a merchant.
	 */
	@FunctionalInterface
	public interface OperationsFactory {

		/**
		 * Build the operations of a merchant.
		 * @param merchant the merchant
		 * @param isDefault whether it is the default merchant, whose operations may use
		 * the application's own parts (such as its signer)
		 * @return the operations
		 */
		TokenPayOperations create(TokenPayMerchant merchant, boolean isDefault);

	}

	/**
	 * The merchants read from the repository, by name, and the default's name.
	 */
	private record Loaded(Map<String, TokenPayMerchant> byName, String defaultName) {

	}

}
