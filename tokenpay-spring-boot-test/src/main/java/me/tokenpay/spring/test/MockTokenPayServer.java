package me.tokenpay.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TimestampUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * An in-process stand-in for the TokenPay gateway on a loopback port. It speaks
 * TokenPay's protocol strictly:
 * <ul>
 * <li>every request's {@code Authorization} header is checked for scheme, field names and
 * order, app and merchant id, timestamp window (code 104), nonce format and replay (code
 * 103) and the AES-256-ECB signature over the exact bytes received (code 103); missing
 * fields give 11003, malformed ones 100;</li>
 * <li>payouts are kept by id: Cancel Payout closes a {@link PayoutState#PENDING pending}
 * payout, answers 12002 for an unknown id and 20005 ("invalid parameter") for a payout
 * whose state does not allow closing;</li>
 * <li>every answer is signed with {@code TTPay-Timestamp}, {@code TTPay-Nonce} and
 * {@code TTPay-Signature};</li>
 * <li>every request is recorded with its verdict;</li>
 * <li>it misbehaves on demand ({@link Fault}) and can enforce TokenPay's 5 requests per
 * second per app id.</li>
 * </ul>
 * <p>
 * Usage from plain Java: <pre class="code">
 * try (MockTokenPayServer server = MockTokenPayServer.start()) {
 *     String payoutId = server.seedOpenPayout();
 *     // point tokenpay.base-url at server.baseUrl(), credentials at server.credentials()
 *     server.enqueue(Fault.gatewayCode(11001));
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

	private static final String DEFAULT_CANCEL_PAYOUT_PATH = "/v1/payanother/close";

	private static final String DEFAULT_PAYOUT_ID_FIELD = "payout_id";

	private static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{32}");

	private static final HexFormat HEX = HexFormat.of();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final JsonMapper json = JsonMapper.builder().build();

	private final TokenPayCredentials credentials;

	private final SignatureCipher cipher;

	private final SignatureCipher wrongCipher = new SignatureCipher(randomSecret());

	private final Map<String, PayoutState> payouts = new ConcurrentHashMap<>();

	private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();

	private final Queue<Fault> nextFaults = new ConcurrentLinkedQueue<>();

	private final Map<String, Fault> payoutFaults = new ConcurrentHashMap<>();

	private final Queue<MockTokenPayRequest> requests = new ConcurrentLinkedQueue<>();

	private final Deque<Instant> recentRequests = new ArrayDeque<>();

	private final HttpServer httpServer;

	private final ExecutorService executor;

	private volatile Clock clock = Clock.systemUTC();

	private volatile String cancelPayoutPath = DEFAULT_CANCEL_PAYOUT_PATH;

	private volatile String payoutIdField = DEFAULT_PAYOUT_ID_FIELD;

	private volatile TimestampUnit timestampUnit = TimestampUnit.MILLISECONDS;

	private volatile Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;

	private volatile boolean rateLimitEnforced;

	private volatile @Nullable RandomFaults randomFaults;

	private MockTokenPayServer(TokenPayCredentials credentials, int port) {
		this.credentials = credentials;
		this.cipher = new SignatureCipher(credentials.appSecret());
		this.executor = Executors.newCachedThreadPool(daemonThreads());
		try {
			this.httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a loopback port for the mock TokenPay server", ex);
		}
		this.httpServer.createContext("/", this::handle);
		this.httpServer.setExecutor(this.executor);
		this.httpServer.start();
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
		InetSocketAddress address = this.httpServer.getAddress();
		String host = address.getAddress().getHostAddress();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.httpServer.getAddress().getPort();
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
		return properties;
	}

	/**
	 * Add or replace a payout.
	 * @param payoutId the payout id
	 * @param state its state
	 * @return this server
	 */
	public MockTokenPayServer seedPayout(String payoutId, PayoutState state) {
		Assert.hasText(payoutId, "Payout id must not be blank");
		Assert.notNull(state, "State must not be null");
		this.payouts.put(payoutId, state);
		return this;
	}

	/**
	 * Add a {@link PayoutState#PENDING pending} payout with a new id of TokenPay's form
	 * (32 hex characters).
	 * @return the payout id
	 */
	public String seedOpenPayout() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		String payoutId = HEX.formatHex(id);
		seedPayout(payoutId, PayoutState.PENDING);
		return payoutId;
	}

	/**
	 * Return the state of a payout.
	 * @param payoutId the payout id
	 * @return its state or {@code null} if the server does not know it
	 */
	public @Nullable PayoutState payoutState(String payoutId) {
		return this.payouts.get(payoutId);
	}

	/**
	 * Misbehave on the next request that is not already taken by a payout fault. Faults
	 * queue up in order.
	 * @param fault the misbehaviour
	 * @return this server
	 */
	public MockTokenPayServer enqueue(Fault fault) {
		Assert.notNull(fault, "Fault must not be null");
		this.nextFaults.add(fault);
		return this;
	}

	/**
	 * Misbehave on every request about a payout until {@link #clearFaults()}.
	 * @param payoutId the payout id
	 * @param fault the misbehaviour
	 * @return this server
	 */
	public MockTokenPayServer injectForPayout(String payoutId, Fault fault) {
		Assert.notNull(fault, "Fault must not be null");
		this.payoutFaults.put(payoutId, fault);
		return this;
	}

	/**
	 * Misbehave at random on a share of requests, reproducibly for a seed.
	 * @param rate the share of requests, between 0 and 1
	 * @param seed the seed of the random choice
	 * @param faults the faults to choose from
	 * @return this server
	 */
	public MockTokenPayServer injectRandomly(double rate, long seed, Fault... faults) {
		Assert.isTrue(rate >= 0 && rate <= 1, "Rate must be between 0 and 1");
		Assert.notEmpty(faults, "Faults must not be empty");
		this.randomFaults = new RandomFaults(rate, new Random(seed), List.of(faults));
		return this;
	}

	/**
	 * Forget every queued, per-payout and random fault.
	 * @return this server
	 */
	public MockTokenPayServer clearFaults() {
		this.nextFaults.clear();
		this.payoutFaults.clear();
		this.randomFaults = null;
		return this;
	}

	/**
	 * Refuse more than {@value #RATE_LIMIT_PER_SECOND} requests per second per app id
	 * with code 11001, as TokenPay documents.
	 * @param enforced whether to enforce the limit
	 * @return this server
	 */
	public MockTokenPayServer enforceRateLimit(boolean enforced) {
		this.rateLimitEnforced = enforced;
		return this;
	}

	/**
	 * Set the path that Cancel Payout answers on.
	 * @param path the path, {@code /v1/payanother/close} by default
	 * @return this server
	 */
	public MockTokenPayServer cancelPayoutPath(String path) {
		Assert.isTrue(path.startsWith("/"), "Path must start with '/'");
		this.cancelPayoutPath = path;
		return this;
	}

	/**
	 * Set the JSON field that carries the payout id in Cancel Payout.
	 * @param field the field name, {@code payout_id} by default
	 * @return this server
	 */
	public MockTokenPayServer payoutIdField(String field) {
		Assert.hasText(field, "Field must not be blank");
		this.payoutIdField = field;
		return this;
	}

	/**
	 * Set the timestamp unit that requests must use.
	 * @param unit the unit, milliseconds by default
	 * @return this server
	 */
	public MockTokenPayServer timestampUnit(TimestampUnit unit) {
		this.timestampUnit = unit;
		return this;
	}

	/**
	 * Set how far a request's timestamp may be from the server's clock before code 104.
	 * @param tolerance the tolerance, 5 minutes by default
	 * @return this server
	 */
	public MockTokenPayServer timestampTolerance(Duration tolerance) {
		this.timestampTolerance = tolerance;
		return this;
	}

	/**
	 * Set the server's clock, used for timestamp checks and for signing answers.
	 * @param clock the clock
	 * @return this server
	 */
	public MockTokenPayServer clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Return every request received since start or the last {@link #reset()}, oldest
	 * first.
	 * @return the requests
	 */
	public List<MockTokenPayRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the most recent request.
	 * @return the request
	 * @throws IllegalStateException if none was received
	 */
	public MockTokenPayRequest lastRequest() {
		List<MockTokenPayRequest> all = requests();
		Assert.state(!all.isEmpty(), "The mock TokenPay server has received no request");
		return all.get(all.size() - 1);
	}

	/**
	 * Forget requests, payouts, faults and seen nonces, stop enforcing the rate limit and
	 * restore the default clock, Cancel Payout path, payout id field, timestamp unit and
	 * timestamp tolerance, so that nothing one test set up leaks into the next.
	 * Credentials and port stay.
	 * @return this server
	 */
	public MockTokenPayServer reset() {
		clearFaults();
		this.clock = Clock.systemUTC();
		this.cancelPayoutPath = DEFAULT_CANCEL_PAYOUT_PATH;
		this.payoutIdField = DEFAULT_PAYOUT_ID_FIELD;
		this.timestampUnit = TimestampUnit.MILLISECONDS;
		this.timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
		this.requests.clear();
		this.payouts.clear();
		this.seenNonces.clear();
		this.rateLimitEnforced = false;
		synchronized (this.recentRequests) {
			this.recentRequests.clear();
		}
		return this;
	}

	/**
	 * Stop the server and release its port.
	 */
	@Override
	public void close() {
		this.httpServer.stop(0);
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "MockTokenPayServer[" + baseUrl() + ", appId=" + this.credentials.appId() + "]";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			String signedPath = (query != null) ? path + "?" + query : path;
			Fault fault = chooseFault(body);
			Answer answer = (fault != null)
					? faultyAnswer(fault, exchange.getRequestMethod(), signedPath, exchange.getRequestHeaders(), body)
					: judge(exchange.getRequestMethod(), signedPath, exchange.getRequestHeaders(), body);
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

	private @Nullable Fault chooseFault(byte[] body) {
		String payoutId = payoutIdOf(body);
		Fault fault = (payoutId != null) ? this.payoutFaults.get(payoutId) : null;
		if (fault == null) {
			fault = this.nextFaults.poll();
		}
		RandomFaults random = this.randomFaults;
		if (fault == null && random != null) {
			fault = random.next();
		}
		return fault;
	}

	private @Nullable String payoutIdOf(byte[] body) {
		if (this.payoutFaults.isEmpty()) {
			return null;
		}
		try {
			JsonNode id = this.json.readTree(body).get(this.payoutIdField);
			return (id != null && id.isString()) ? id.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private Answer faultyAnswer(Fault fault, String method, String signedPath, Headers headers, byte[] body) {
		return switch (fault.getKind()) {
			case DELAY, WRONG_SIGNATURE, MISSING_SIGNATURE_HEADERS, SLOW_BODY ->
				judge(method, signedPath, headers, body);
			case HTTP_STATUS ->
				Answer.plain(fault.value(), "text/plain; charset=utf-8", "Mock TokenPay failure " + fault.value());
			case GATEWAY_CODE -> envelope(fault.value(), "Injected failure", fault.toString());
			case HTML_ERROR_PAGE -> Answer.plain(502, "text/html; charset=utf-8",
					"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
							+ "</center><hr><center>nginx</center></body></html>");
			case TRUNCATED_JSON -> Answer.plain(200, "application/json", "{\"code\":0,\"msg\":\"succ");
			case EMPTY_BODY -> Answer.plain(200, "application/json", "");
			case OVERSIZED_BODY -> Answer.plain(200, "application/json",
					"{\"code\":0,\"msg\":\"success\",\"pad\":\"" + "x".repeat(fault.value() - 35) + "\"}");
			case CONNECTION_RESET -> Answer.DROP;
		};
	}

	private Answer judge(String method, String signedPath, Headers headers, byte[] body) {
		if (!"POST".equals(method)) {
			return Answer.plain(405, "text/plain; charset=utf-8", "405 method not allowed");
		}
		if (!signedPath.equals(this.cancelPayoutPath)) {
			return Answer.plain(404, "text/plain; charset=utf-8", "404 page not found");
		}
		try {
			checkRateLimit();
			checkAuthorization(AuthorizationHeader.parse(headers.getFirst("Authorization")), signedPath, body);
			return cancelPayout(body);
		}
		catch (Rejection ex) {
			return envelope(ex.code(), ex.getMessage(), ex.getMessage());
		}
	}

	private void checkRateLimit() {
		if (!this.rateLimitEnforced) {
			return;
		}
		Instant now = this.clock.instant();
		synchronized (this.recentRequests) {
			while (!this.recentRequests.isEmpty()
					&& this.recentRequests.peekFirst().isBefore(now.minusSeconds(1).plusNanos(1))) {
				this.recentRequests.pollFirst();
			}
			if (this.recentRequests.size() >= RATE_LIMIT_PER_SECOND) {
				throw new Rejection(11001, "Operate too frequently, please try again later");
			}
			this.recentRequests.addLast(now);
		}
	}

	private void checkAuthorization(AuthorizationHeader authorization, String signedPath, byte[] body) {
		if (!authorization.appId().equals(this.credentials.appId())
				|| !authorization.mchId().equals(this.credentials.mchId())) {
			throw new Rejection(20000, "Application is absence");
		}
		Instant now = this.clock.instant();
		Instant signedAt = parseTimestamp(authorization.timestamp());
		if (Duration.between(signedAt, now).abs().compareTo(this.timestampTolerance) > 0) {
			throw new Rejection(104, "Signature expired");
		}
		if (!NONCE.matcher(authorization.nonce()).matches()) {
			throw new Rejection(103, "Invalid signature: nonce_str must be 32 letters or digits");
		}
		String expected = this.cipher.sign(requestPlaintext(signedPath, authorization, body));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
			throw new Rejection(103, "Invalid signature");
		}
		this.seenNonces.values().removeIf((seen) -> seen.isBefore(now.minus(this.timestampTolerance.multipliedBy(2))));
		if (this.seenNonces.putIfAbsent(authorization.nonce(), now) != null) {
			throw new Rejection(103, "Invalid signature: nonce_str was already used");
		}
	}

	private Instant parseTimestamp(String timestamp) {
		int digits = (this.timestampUnit == TimestampUnit.MILLISECONDS) ? 13 : 10;
		if (timestamp.length() != digits || !timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new Rejection(100, "Request parameter error: timestamp must be " + digits + " digits");
		}
		long value = Long.parseLong(timestamp);
		return (this.timestampUnit == TimestampUnit.MILLISECONDS) ? Instant.ofEpochMilli(value)
				: Instant.ofEpochSecond(value);
	}

	private static byte[] requestPlaintext(String signedPath, AuthorizationHeader authorization, byte[] body) {
		byte[] head = (signedPath + "\n" + authorization.timestamp() + "\n" + authorization.nonce() + "\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] plaintext = new byte[head.length + body.length];
		System.arraycopy(head, 0, plaintext, 0, head.length);
		System.arraycopy(body, 0, plaintext, head.length, body.length);
		return plaintext;
	}

	private Answer cancelPayout(byte[] body) {
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Rejection(100, "Request parameter error: body is not JSON");
		}
		if (!request.isObject()) {
			throw new Rejection(100, "Request parameter error: body is not a JSON object");
		}
		String appId = requiredText(request, "app_id");
		String mchId = requiredText(request, "mch_id");
		String payoutId = requiredText(request, this.payoutIdField);
		if (!appId.equals(this.credentials.appId()) || !mchId.equals(this.credentials.mchId())) {
			throw new Rejection(100, "Request parameter error: app_id and mch_id must match the Authorization header");
		}
		PayoutState[] previous = new PayoutState[1];
		PayoutState now = this.payouts.computeIfPresent(payoutId, (id, state) -> {
			previous[0] = state;
			return state.isOpen() ? PayoutState.CLOSED : state;
		});
		if (now == null) {
			throw new Rejection(12002, "Data is absence");
		}
		if (!previous[0].isOpen()) {
			throw new Rejection(NOT_CLOSABLE_CODE,
					"Invalid parameter: payout is " + previous[0] + " and cannot be closed");
		}
		return envelope(0, "success", "closed " + payoutId);
	}

	private static String requiredText(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
			throw new Rejection(11003, "Miss required parameter: " + field);
		}
		if (!value.isString()) {
			throw new Rejection(100, "Request parameter error: " + field + " must be a string");
		}
		return value.stringValue();
	}

	private Answer envelope(int code, String msg, String verdict) {
		ObjectNode envelope = this.json.createObjectNode()
			.put("code", code)
			.put("msg", msg)
			.put("request_id", UUID.randomUUID().toString());
		return new Answer(200, "application/json", this.json.writeValueAsBytes(envelope), code, code + " " + verdict,
				true, false);
	}

	private void record(HttpExchange exchange, String signedPath, byte[] body, Answer answer, @Nullable Fault fault) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		this.requests.add(new MockTokenPayRequest(exchange.getRequestMethod(), signedPath, headers, body, answer.code(),
				(fault != null) ? fault + ": " + answer.verdict() : answer.verdict(), fault));
	}

	private void send(HttpExchange exchange, Answer answer, @Nullable Fault fault) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", answer.contentType());
		boolean signed = answer.signed() && (fault == null || fault.getKind() != Fault.Kind.MISSING_SIGNATURE_HEADERS);
		if (signed) {
			SignatureCipher signer = (fault != null && fault.getKind() == Fault.Kind.WRONG_SIGNATURE) ? this.wrongCipher
					: this.cipher;
			sign(headers, answer.body(), signer);
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

	private void sign(Headers headers, byte[] body, SignatureCipher signer) {
		String timestamp = Long.toString(this.clock.millis());
		byte[] nonceBytes = new byte[16];
		RANDOM.nextBytes(nonceBytes);
		String nonce = HEX.formatHex(nonceBytes);
		byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] plaintext = new byte[head.length + body.length];
		System.arraycopy(head, 0, plaintext, 0, head.length);
		System.arraycopy(body, 0, plaintext, head.length, body.length);
		headers.set("TTPay-Timestamp", timestamp);
		headers.set("TTPay-Nonce", nonce);
		headers.set("TTPay-Signature", signer.sign(plaintext));
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

	/**
	 * What the server answers.
	 */
	private record Answer(int status, String contentType, byte[] body, @Nullable Integer code, String verdict,
			boolean signed, boolean dropConnection) {

		static final Answer DROP = new Answer(0, "", new byte[0], null, "connection dropped", false, true);

		static Answer plain(int status, String contentType, String body) {
			return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), null,
					"HTTP " + status + " " + contentType, false, false);
		}

	}

	/**
	 * Faults injected at random on a share of requests.
	 */
	private record RandomFaults(double rate, Random random, List<Fault> faults) {

		synchronized @Nullable Fault next() {
			if (this.random.nextDouble() >= this.rate) {
				return null;
			}
			return this.faults.get(this.random.nextInt(this.faults.size()));
		}

	}

}
