package me.tokenpay.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.notification.NotificationEventType;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TimestampUnit;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An in-process stand-in for the TokenPay gateway on a loopback port. It speaks
 * TokenPay's protocol strictly and keeps state, as small parts with one job each:
 * <ul>
 * <li>an authenticator checks every request's {@code Authorization} header: scheme, field
 * names and order, app and merchant id, timestamp window (code 104), nonce format and
 * replay (code 103) and the AES-256-ECB signature over the exact bytes received (code
 * 103); missing fields give 11003, malformed ones 100;</li>
 * <li>a route table sends Create Payout, the payout query ({@code POST} with a JSON body
 * or {@code GET} with a query string), Cancel Payout, Create Pay-in order, the pay-in
 * query (ids in the query string or the body), Close Pay-in order, the unsigned currency
 * list and the balance inquiry to their handlers, which check every body strictly;</li>
 * <li>a payout store keeps payouts and balances: a create debits the balance (20002 when
 * it is short, 12001 for an {@code out_trade_no} in use), a cancel closes a
 * {@link PayoutState#PENDING pending} payout and refunds it (20005 otherwise, 12002 for
 * an unknown id), and the test API moves payouts to paid or failed;</li>
 * <li>a pay-in store keeps pay-in orders: created {@code NOTPAY}, closed by the close
 * operation (20005 once no longer open) or when they expire, paid through the test API,
 * which credits the balance;</li>
 * <li>an answer signer signs every answer with {@code TTPay-Timestamp},
 * {@code TTPay-Nonce} and {@code TTPay-Signature};</li>
 * <li>a request journal records every request with its verdict;</li>
 * <li>a fault plan makes it misbehave on demand ({@link Fault}), for the next request, an
 * operation or a payout, and a rate limit window can enforce TokenPay's 5 requests per
 * second.</li>
 * </ul>
 * <p>
 * Usage from plain Java: <pre class="code">
 * try (MockTokenPayServer server = MockTokenPayServer.start()) {
 *     String payoutId = server.seedOpenPayout();
 *     // point tokenpay.base-url at server.baseUrl(), credentials at server.credentials()
 *     server.enqueueFor("create-payout", Fault.resetAfterApplying());
 * }
 * </pre>
 *
 * @author TokenPay Spring Boot team
 * @see MockTokenPayExtension
 * @see AutoConfigureMockTokenPay
 */
public final class MockTokenPayServer implements AutoCloseable {

	/**
	 * Gateway code answered for a payout whose state does not allow closing.
	 */
	public static final int NOT_CLOSABLE_CODE = 20005;

	/**
	 * Requests per second per app id allowed when the rate limit is enforced.
	 */
	public static final int RATE_LIMIT_PER_SECOND = 5;

	static final String DEFAULT_PAYOUT_ID_FIELD = "payout_id";

	private static final String DEFAULT_MERCHANT = "default";

	private static final HexFormat HEX = HexFormat.of();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final TokenPayCredentials credentials;

	private final SignatureCipher cipher;

	private final SignatureCipher wrongCipher = new SignatureCipher(randomSecret());

	private final MockAuthenticator authenticator;

	private final MockRoutes routes = new MockRoutes();

	private final CurrencyTable currencies = new CurrencyTable();

	final PayoutStore store = new PayoutStore(this.currencies);

	private final PayoutHandlers payoutHandlers;

	final PayInStore payInStore = new PayInStore(this.currencies, this.store);

	private final PayInHandlers payInHandlers;

	private final CurrencyHandlers currencyHandlers;

	private final WalletHandlers walletHandlers = new WalletHandlers();

	final NotificationSender notifier;

	private final FaultPlan faultPlan = new FaultPlan();

	private final RateLimitWindow rateLimit = new RateLimitWindow();

	private final MockPayouts payoutsView = new MockPayouts(this);

	private final MockPayIns payInsView = new MockPayIns(this);

	private final MockWallets walletsView = new MockWallets(this.walletHandlers);

	private final MockBalances balancesView = new MockBalances(this.store, this.currencies);

	private final MockFaults faultsView = new MockFaults(this.faultPlan, this.routes, this.rateLimit);

	private final MockNotifications notificationsView;

	private final RequestJournal journal = new RequestJournal();

	private final Map<String, MockOperationHandler> handlers = new ConcurrentHashMap<>();

	private final Map<String, TokenPayCredentials> merchants = Collections.synchronizedMap(new LinkedHashMap<>());

	private final HttpServer httpServer;

	private final WireFront front;

	private final ExecutorService executor;

	private volatile Clock clock = Clock.systemUTC();

	private MockTokenPayServer(TokenPayCredentials credentials, int port) {
		this.credentials = credentials;
		this.cipher = new SignatureCipher(credentials.appSecret());
		this.merchants.put(DEFAULT_MERCHANT, credentials);
		this.authenticator = new MockAuthenticator(this::merchantOf);
		this.payoutHandlers = new PayoutHandlers(this.store);
		this.payInHandlers = new PayInHandlers(this.payInStore);
		this.currencyHandlers = new CurrencyHandlers(this.currencies, this.store);
		this.notifier = new NotificationSender(credentials, generateCredentials());
		this.notificationsView = new MockNotifications(this.notifier);
		this.handlers.putAll(builtInHandlers());
		this.executor = Executors.newCachedThreadPool(daemonThreads());
		try {
			this.httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a loopback port for the mock TokenPay server", ex);
		}
		this.httpServer.createContext("/", this::handle);
		this.httpServer.setExecutor(this.executor);
		this.httpServer.start();
		this.front = new WireFront(port, this.httpServer.getAddress(), this.executor);
	}

	/**
	 * Start a server on a random loopback port with generated credentials.
	 * @return the running server
	 */
	public static MockTokenPayServer start() {
		return start(generateCredentials(), 0);
	}

	/**
	 * Start a server.
	 * @param credentials the only credentials the server accepts
	 * @param port the loopback port, {@code 0} for a random one
	 * @return the running server
	 */
	public static MockTokenPayServer start(TokenPayCredentials credentials, int port) {
		return new MockTokenPayServer(credentials, port);
	}

	/**
	 * Generate credentials of the form TokenPay issues: a 32 hex character app id, an 8
	 * digit merchant id and a 32 character secret.
	 * @return new credentials
	 */
	public static TokenPayCredentials generateCredentials() {
		byte[] appId = new byte[16];
		RANDOM.nextBytes(appId);
		String mchId = Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
		return new TokenPayCredentials(HEX.formatHex(appId), mchId, randomSecret());
	}

	private static String randomSecret() {
		StringBuilder secret = new StringBuilder(TokenPayCredentials.APP_SECRET_LENGTH);
		for (int i = 0; i < TokenPayCredentials.APP_SECRET_LENGTH; i++) {
			secret.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return secret.toString();
	}

	/**
	 * Return the base URL to configure as {@code tokenpay.base-url}.
	 * @return the base URL, for example {@code http://127.0.0.1:53124}
	 */
	public String baseUrl() {
		String host = this.httpServer.getAddress().getAddress().getHostAddress();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.front.port();
	}

	/**
	 * Return the credentials the server accepts.
	 * @return the credentials
	 */
	public TokenPayCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Return the {@code tokenpay.*} properties that point the starter at this server, in
	 * {@code name=value} form as {@code ApplicationContextRunner.withPropertyValues}
	 * takes them.
	 * @return the property values
	 */
	public String[] propertyValues() {
		return properties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Return the {@code tokenpay.*} properties that point the starter at this server.
	 * @return the properties by name
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("tokenpay.base-url", baseUrl());
		properties.put("tokenpay.app-id", this.credentials.appId());
		properties.put("tokenpay.mch-id", this.credentials.mchId());
		properties.put("tokenpay.app-secret", this.credentials.appSecret());
		synchronized (this.merchants) {
			this.merchants.forEach((name, merchant) -> {
				if (!DEFAULT_MERCHANT.equals(name)) {
					String prefix = "tokenpay.merchants." + name + ".";
					properties.put(prefix + "base-url", baseUrl());
					properties.put(prefix + "app-id", merchant.appId());
					properties.put(prefix + "mch-id", merchant.mchId());
					properties.put(prefix + "app-secret", merchant.appSecret());
				}
			});
		}
		return properties;
	}

	/**
	 * Accept requests of another merchant, with generated credentials. Its properties
	 * ({@code tokenpay.merchants.<name>.*}) join {@link #properties()}. Merchants stay
	 * until the server is closed; they share its payouts, pay-in orders and balances.
	 * @param name the merchant's name, as under {@code tokenpay.merchants}
	 * @return the merchant's credentials, the same for the same name
	 */
	public TokenPayCredentials addMerchant(String name) {
		Assert.hasText(name, "Merchant name must not be blank");
		return this.merchants.computeIfAbsent(name, (key) -> generateCredentials());
	}

	/**
	 * Accept another merchant with the given credentials, authenticating its requests and
	 * signing its answers with its own secret.
	 * @param name the merchant's name, as under {@code tokenpay.merchants}
	 * @param credentials its credentials
	 * @return this server
	 * @throws IllegalArgumentException if the name is taken or another merchant has the
	 * app id
	 */
	public MockTokenPayServer addMerchant(String name, TokenPayCredentials credentials) {
		Assert.hasText(name, "Merchant name must not be blank");
		Assert.notNull(credentials, "Credentials must not be null");
		synchronized (this.merchants) {
			Assert.isTrue(!this.merchants.containsKey(name), () -> "Merchant '" + name + "' is already known");
			Assert.isTrue(
					this.merchants.values().stream().noneMatch((known) -> known.appId().equals(credentials.appId())),
					() -> "Another merchant has app id " + credentials.appId());
			this.merchants.put(name, credentials);
		}
		return this;
	}

	/**
	 * Return the credentials of a merchant the server accepts.
	 * @param name the merchant's name, {@code default} for the one it started with
	 * @return the credentials
	 * @throws IllegalArgumentException if the server does not know the merchant
	 */
	public TokenPayCredentials credentials(String name) {
		TokenPayCredentials merchant = this.merchants.get(name);
		Assert.isTrue(merchant != null, () -> "Unknown merchant '" + name + "'; the mock TokenPay server knows "
				+ List.copyOf(this.merchants.keySet()));
		return Objects.requireNonNull(merchant);
	}

	/**
	 * Return the payouts: seed, inspect and settle them.
	 * @return the payouts
	 */
	public MockPayouts payouts() {
		return this.payoutsView;
	}

	/**
	 * Return the pay-in orders: inspect, pay and expire them.
	 * @return the pay-in orders
	 */
	public MockPayIns payIns() {
		return this.payInsView;
	}

	/**
	 * Return the monitored wallets.
	 * @return the wallets
	 */
	public MockWallets wallets() {
		return this.walletsView;
	}

	/**
	 * Return the merchant's balances and the known currencies.
	 * @return the balances
	 */
	public MockBalances balances() {
		return this.balancesView;
	}

	/**
	 * Return the faults: how the server misbehaves, and whether it enforces TokenPay's
	 * rate limit.
	 * @return the faults
	 */
	public MockFaults faults() {
		return this.faultsView;
	}

	/**
	 * Return the notifications the server delivers.
	 * @return the notifications
	 */
	public MockNotifications notifications() {
		return this.notificationsView;
	}

	/**
	 * Misbehave on the next request that no payout or operation fault takes, as
	 * {@code faults().enqueue(fault)}.
	 * @param fault the misbehaviour
	 * @return this server
	 */
	public MockTokenPayServer enqueue(Fault fault) {
		this.faultsView.enqueue(fault);
		return this;
	}

	/**
	 * Add or replace a payout.
	 * @param payoutId the payout id
	 * @param state its state
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#seed}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer seedPayout(String payoutId, PayoutState state) {
		payouts().seed(payoutId, state);
		return this;
	}

	/**
	 * Add a pending payout.
	 * @return the payout id
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#seedOpen}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public String seedOpenPayout() {
		return payouts().seedOpen();
	}

	/**
	 * Return the state of a payout.
	 * @param id the payout's transaction id or order number
	 * @return its state or {@code null}
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#state}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public @Nullable PayoutState payoutState(String id) {
		return payouts().state(id);
	}

	/**
	 * Return a payout.
	 * @param id the payout's transaction id or order number
	 * @return the payout or {@code null}
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#get}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public @Nullable MockPayout payout(String id) {
		return payouts().get(id);
	}

	/**
	 * Mark a payout paid.
	 * @param id the payout's transaction id or order number
	 * @return the payout
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#markPaid}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockPayout markPaid(String id) {
		return payouts().markPaid(id);
	}

	/**
	 * Mark a payout failed on chain.
	 * @param id the payout's transaction id or order number
	 * @return the payout
	 * @deprecated since 0.1.0 for removal; use {@link MockPayouts#markFailed}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockPayout markFailed(String id) {
		return payouts().markFailed(id);
	}

	/**
	 * Return a pay-in order.
	 * @param id the order's transaction id or order number
	 * @return the order or {@code null}
	 * @deprecated since 0.1.0 for removal; use {@link MockPayIns#get}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public @Nullable MockPayIn payIn(String id) {
		return payIns().get(id);
	}

	/**
	 * Mark an unpaid pay-in order paid.
	 * @param id the order's transaction id or order number
	 * @return the order
	 * @deprecated since 0.1.0 for removal; use {@link MockPayIns#markPaid}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockPayIn markPayInPaid(String id) {
		return payIns().markPaid(id);
	}

	/**
	 * Let an unpaid pay-in order expire now.
	 * @param id the order's transaction id or order number
	 * @return the order
	 * @deprecated since 0.1.0 for removal; use {@link MockPayIns#expire}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockPayIn expirePayIn(String id) {
		return payIns().expire(id);
	}

	/**
	 * Return a monitored wallet.
	 * @param chain the chain
	 * @param walletAddress the address
	 * @return the wallet or {@code null}
	 * @deprecated since 0.1.0 for removal; use {@link MockWallets#get}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public @Nullable MockWallet wallet(String chain, String walletAddress) {
		return wallets().get(chain, walletAddress);
	}

	/**
	 * Set the waits before each attempt to deliver a notification.
	 * @param delays the waits
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#schedule}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer notificationSchedule(Duration... delays) {
		notifications().schedule(delays);
		return this;
	}

	/**
	 * Deliver every notification this many times.
	 * @param copies the number of copies
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#copies}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer notificationCopies(int copies) {
		notifications().copies(copies);
		return this;
	}

	/**
	 * Spoil the next notification.
	 * @param tamper how to spoil it
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#tamperNext}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer tamperNextNotification(NotificationTamper tamper) {
		notifications().tamperNext(tamper);
		return this;
	}

	/**
	 * Set the event type of payout notifications.
	 * @param eventType the event type
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#payoutEventType}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer payoutNotificationEventType(NotificationEventType eventType) {
		notifications().payoutEventType(eventType);
		return this;
	}

	/**
	 * Return every notification delivery attempt.
	 * @return the attempts
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#deliveries}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public List<NotificationDelivery> notificationDeliveries() {
		return notifications().deliveries();
	}

	/**
	 * Wait until every notification sent so far settled.
	 * @param timeout the longest wait
	 * @return every delivery attempt
	 * @deprecated since 0.1.0 for removal; use {@link MockNotifications#await}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public List<NotificationDelivery> awaitNotifications(Duration timeout) {
		return notifications().await(timeout);
	}

	/**
	 * Set the merchant's balance of a currency.
	 * @param chain the chain
	 * @param currency the currency
	 * @param amount the balance in major units
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockBalances#seed}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer seedBalance(String chain, String currency, BigDecimal amount) {
		balances().seed(chain, currency, amount);
		return this;
	}

	/**
	 * Return the merchant's balance of a currency.
	 * @param chain the chain
	 * @param currency the currency
	 * @return the balance in major units
	 * @deprecated since 0.1.0 for removal; use {@link MockBalances#get}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public BigDecimal balance(String chain, String currency) {
		return balances().get(chain, currency);
	}

	/**
	 * Add a currency or change its decimals.
	 * @param chain the chain
	 * @param currency the currency
	 * @param decimals its decimals
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockBalances#seedCurrency}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer seedCurrency(String chain, String currency, int decimals) {
		balances().seedCurrency(chain, currency, decimals);
		return this;
	}

	/**
	 * Misbehave on the next request of an operation.
	 * @param operation the operation name
	 * @param fault the misbehaviour
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockFaults#enqueueFor}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer enqueueFor(String operation, Fault fault) {
		faults().enqueueFor(operation, fault);
		return this;
	}

	/**
	 * Misbehave on every request about a payout.
	 * @param payoutId the payout's transaction id or order number
	 * @param fault the misbehaviour
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockFaults#injectForPayout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer injectForPayout(String payoutId, Fault fault) {
		faults().injectForPayout(payoutId, fault);
		return this;
	}

	/**
	 * Misbehave at random on a share of requests.
	 * @param rate the share of requests
	 * @param seed the seed of the random choice
	 * @param faults the faults to choose from
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockFaults#injectRandomly}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer injectRandomly(double rate, long seed, Fault... faults) {
		faults().injectRandomly(rate, seed, faults);
		return this;
	}

	/**
	 * Forget every fault.
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockFaults#clear}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer clearFaults() {
		faults().clear();
		return this;
	}

	/**
	 * Enforce TokenPay's rate limit or not.
	 * @param enforced whether to enforce the limit
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link MockFaults#enforceRateLimit}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer enforceRateLimit(boolean enforced) {
		faults().enforceRateLimit(enforced);
		return this;
	}

	/**
	 * Set the path an operation answers on.
	 * @param operation {@code create-payout}, {@code query-payout},
	 * {@code cancel-payout}, {@code create-pay-in}, {@code query-pay-in},
	 * {@code close-pay-in}, {@code list-currencies} or {@code get-balance}
	 * @param path the path
	 * @return this server
	 */
	public MockTokenPayServer operationPath(String operation, String path) {
		this.routes.path(operation, path);
		return this;
	}

	/**
	 * Set the path that Cancel Payout answers on.
	 * @param path the path, {@code /v1/payanother/close} by default
	 * @return this server
	 * @deprecated since 0.1.0 for removal; use {@link #operationPath} with
	 * {@code cancel-payout}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public MockTokenPayServer cancelPayoutPath(String path) {
		return operationPath(PayoutTemplate.CANCEL_PAYOUT.name(), path);
	}

	/**
	 * Set the JSON field that carries the payout id in Cancel Payout.
	 * @param field the field name, {@code payout_id} by default
	 * @return this server
	 */
	public MockTokenPayServer payoutIdField(String field) {
		Assert.hasText(field, "Field must not be blank");
		this.payoutHandlers.payoutIdField(field);
		return this;
	}

	/**
	 * Set the timestamp unit that requests must use.
	 * @param unit the unit, milliseconds by default
	 * @return this server
	 */
	public MockTokenPayServer timestampUnit(TimestampUnit unit) {
		this.authenticator.timestampUnit(unit);
		return this;
	}

	/**
	 * Set how far a request's timestamp may be from the server's clock before code 104.
	 * @param tolerance the tolerance, 5 minutes by default
	 * @return this server
	 */
	public MockTokenPayServer timestampTolerance(Duration tolerance) {
		this.authenticator.timestampTolerance(tolerance);
		return this;
	}

	/**
	 * Set the server's clock, used for timestamp checks, payout times and for signing
	 * answers.
	 * @param clock the clock
	 * @return this server
	 */
	public MockTokenPayServer clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Answer an operation with a handler of the test's own, in place of the built-in one
	 * or of one added with {@link #route}, until {@link #reset()}.
	 * @param operation the operation name, such as {@code query-payout}
	 * @param handler the handler
	 * @return this server
	 * @throws IllegalArgumentException if the server does not know the operation
	 */
	public MockTokenPayServer handle(String operation, MockOperationHandler handler) {
		Assert.notNull(handler, "Handler must not be null");
		this.routes.checkKnown(operation);
		this.handlers.put(operation, handler);
		return this;
	}

	/**
	 * Add an operation the server does not know, answering signed {@code POST} and
	 * {@code GET} requests on a path, until {@link #reset()}: the way to test an
	 * operation called through {@code TokenPayOperations.execute}. Its requests are
	 * authenticated, rate-limited, recorded, signed and exposed to faults like every
	 * other.
	 * @param operation the operation name, such as {@code query-wallet}
	 * @param path the path, such as {@code /v1/wallet/query}
	 * @param handler the handler
	 * @return this server
	 */
	public MockTokenPayServer route(String operation, String path, MockOperationHandler handler) {
		Assert.notNull(handler, "Handler must not be null");
		this.routes.add(operation, path);
		this.handlers.put(operation, handler);
		return this;
	}

	/**
	 * Return every request received since start or the last {@link #reset()}, oldest
	 * first.
	 * @return the requests
	 */
	public List<MockTokenPayRequest> requests() {
		return this.journal.requests();
	}

	/**
	 * Return the most recent request.
	 * @return the request
	 * @throws IllegalStateException if none was received
	 */
	public MockTokenPayRequest lastRequest() {
		return this.journal.last();
	}

	/**
	 * Forget requests, payouts, pay-in orders, balances, seeded currencies, faults, seen
	 * nonces and notification deliveries (stopping those under way), stop enforcing the
	 * rate limit and restore the default clock, operations, handlers, paths, payout id
	 * field, timestamp unit and timestamp tolerance, so that nothing one test set up
	 * leaks into the next. Credentials and port stay.
	 * @return this server
	 */
	public MockTokenPayServer reset() {
		this.faultPlan.clear();
		this.clock = Clock.systemUTC();
		this.routes.reset();
		this.handlers.clear();
		this.handlers.putAll(builtInHandlers());
		this.payoutHandlers.payoutIdField(DEFAULT_PAYOUT_ID_FIELD);
		this.authenticator.reset();
		this.journal.clear();
		this.store.clear();
		this.payInStore.clear();
		this.walletHandlers.clear();
		this.currencies.reset();
		this.rateLimit.reset();
		this.notificationsView.reset();
		return this;
	}

	/**
	 * Return whether the server still accepts connections.
	 * @return {@code false} once {@link #close() closed}
	 */
	public boolean isRunning() {
		return this.front.isOpen();
	}

	/**
	 * Stop the server and release its port.
	 */
	@Override
	public void close() {
		this.front.close();
		this.httpServer.stop(0);
		this.executor.shutdownNow();
		this.notifier.close();
	}

	/**
	 * Return the time on the server's clock.
	 */
	Instant now() {
		return this.clock.instant();
	}

	@Override
	public String toString() {
		return "MockTokenPayServer[" + baseUrl() + ", appId=" + this.credentials.appId() + "]";
	}

	private Map<String, MockOperationHandler> builtInHandlers() {
		Map<String, MockOperationHandler> handlers = new LinkedHashMap<>();
		handlers.putAll(this.payoutHandlers.handlers());
		handlers.putAll(this.payInHandlers.handlers());
		handlers.putAll(this.currencyHandlers.handlers());
		handlers.putAll(this.walletHandlers.handlers());
		return handlers;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			String rawQuery = exchange.getRequestURI().getRawQuery();
			String signedPath = (rawQuery != null) ? path + "?" + rawQuery : path;
			Map<String, String> query = parseQuery(rawQuery);
			String operation = this.routes.operation(path);
			Fault fault = this.faultPlan.choose(operation, ids(body, query));
			Answer answer = (fault != null) ? faultyAnswer(fault, operation, method, signedPath, query, exchange, body)
					: judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body);
			record(exchange, signedPath, body, answer, fault);
			if (fault != null && fault.getKind() == Fault.Kind.DELAY) {
				sleep(fault.duration());
			}
			if (answer.dropConnection()) {
				throw new IOException("Mock TokenPay server dropped the connection on purpose");
			}
			send(exchange, answer, fault);
		}
	}

	private List<String> ids(byte[] body, Map<String, String> query) {
		if (!this.faultPlan.hasPayoutFaults()) {
			return List.of();
		}
		List<String> ids = new ArrayList<>(this.payoutHandlers.ids(body));
		ids.addAll(query.values());
		return ids;
	}

	private Answer faultyAnswer(Fault fault, @Nullable String operation, String method, String signedPath,
			Map<String, String> query, HttpExchange exchange, byte[] body) {
		return switch (fault.getKind()) {
			case DELAY, WRONG_SIGNATURE, MISSING_SIGNATURE_HEADERS, SLOW_BODY ->
				judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body);
			case RESET_AFTER_APPLYING ->
				judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body).dropped();
			case HTTP_STATUS ->
				Answer.plain(fault.value(), "text/plain; charset=utf-8", "Mock TokenPay failure " + fault.value());
			case GATEWAY_CODE -> Answer.envelope(fault.value(), "Injected failure", fault.toString());
			case HTML_ERROR_PAGE -> Answer.plain(502, "text/html; charset=utf-8",
					"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
							+ "</center><hr><center>nginx</center></body></html>");
			case TRUNCATED_JSON -> Answer.plain(200, "application/json", "{\"code\":0,\"msg\":\"succ");
			case EMPTY_BODY -> Answer.plain(200, "application/json", "");
			case OVERSIZED_BODY -> Answer.plain(200, "application/json",
					"{\"code\":0,\"msg\":\"success\",\"pad\":\"" + "x".repeat(fault.value() - 35) + "\"}");
			case CONNECTION_RESET -> Answer.DROP;
			case ANOTHER_ORDER -> judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body)
				.withDataField("out_trade_no", Objects.requireNonNull(fault.replacement()))
				.withDataField("transaction_id", UUID.randomUUID().toString().replace("-", ""));
			case FIELD_DIFFERS -> judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body)
				.withDataField(Objects.requireNonNull(fault.field()), Objects.requireNonNull(fault.replacement()));
			case HUGE_HEADERS, BYTES_BEHIND_BODY, DRIPPING_HEADERS ->
				judge(operation, method, signedPath, query, exchange.getRequestHeaders(), body);
		};
	}

	private Answer judge(@Nullable String operation, String method, String signedPath, Map<String, String> query,
			Headers headers, byte[] body) {
		if (operation == null) {
			return Answer.plain(404, "text/plain; charset=utf-8", "404 page not found");
		}
		if (!this.routes.allows(operation, method)) {
			return Answer.plain(405, "text/plain; charset=utf-8", "405 method not allowed");
		}
		Instant now = this.clock.instant();
		try {
			this.rateLimit.check(now);
			TokenPayCredentials caller = this.routes.signed(operation)
					? this.authenticator.check(headers.getFirst("Authorization"), signedPath, body, this.clock)
					: this.credentials;
			MockOperationHandler handler = this.handlers.get(operation);
			Assert.state(handler != null, () -> "No handler for " + operation);
			return handler.handle(new MockCall(operation, method, signedPath, query, body, now, caller)).answer();
		}
		catch (Rejection ex) {
			return Answer.rejection(ex);
		}
	}

	/**
	 * The cipher that signs an answer: that of the merchant whose app id the request's
	 * {@code Authorization} header names, else the default merchant's.
	 */
	private SignatureCipher cipherFor(Headers headers) {
		String header = headers.getFirst("Authorization");
		if (header != null) {
			try {
				TokenPayCredentials merchant = merchantOf(AuthorizationHeader.parse(header).appId());
				if (merchant != null && merchant != this.credentials) {
					return new SignatureCipher(merchant.appSecret());
				}
			}
			catch (Rejection ex) {
				// an unreadable header: the default merchant signs the refusal
			}
		}
		return this.cipher;
	}

	private @Nullable TokenPayCredentials merchantOf(String appId) {
		synchronized (this.merchants) {
			for (TokenPayCredentials merchant : this.merchants.values()) {
				if (merchant.appId().equals(appId)) {
					return merchant;
				}
			}
		}
		return null;
	}

	private static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private void record(HttpExchange exchange, String signedPath, byte[] body, Answer answer, @Nullable Fault fault) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		this.journal.record(new MockTokenPayRequest(exchange.getRequestMethod(), signedPath, headers, body,
				answer.code(), (fault != null) ? fault + ": " + answer.verdict() : answer.verdict(), fault));
	}

	private void send(HttpExchange exchange, Answer answer, @Nullable Fault fault) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", answer.contentType());
		if (fault != null) {
			switch (fault.getKind()) {
				case HUGE_HEADERS -> headers.set("X-Mock-Padding", "x".repeat(fault.value()));
				case BYTES_BEHIND_BODY -> headers.set(WireFront.FAULT_HEADER, WireFront
					.behindBody(String.valueOf(fault.replacement()).getBytes(StandardCharsets.ISO_8859_1)));
				case DRIPPING_HEADERS -> headers.set(WireFront.FAULT_HEADER, WireFront.drip(fault.duration()));
				default -> {
				}
			}
		}
		boolean signed = answer.signed() && (fault == null || fault.getKind() != Fault.Kind.MISSING_SIGNATURE_HEADERS);
		if (signed) {
			SignatureCipher signer = (fault != null && fault.getKind() == Fault.Kind.WRONG_SIGNATURE) ? this.wrongCipher
					: cipherFor(exchange.getRequestHeaders());
			AnswerSigner.sign(headers, answer.body(), signer, this.clock);
		}
		exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
		if (answer.body().length == 0) {
			return;
		}
		OutputStream output = exchange.getResponseBody();
		if (fault == null || fault.getKind() != Fault.Kind.SLOW_BODY) {
			output.write(answer.body());
			return;
		}
		for (byte b : answer.body()) {
			sleep(fault.duration());
			output.write(b);
			output.flush();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "mock-tokenpay-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
