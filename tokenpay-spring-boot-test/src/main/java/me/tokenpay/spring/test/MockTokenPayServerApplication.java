package me.tokenpay.spring.test;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link MockTokenPayServer} on its own, for teams in other languages, front-end
 * developers and local set-ups:
 * {@code java -jar tokenpay-spring-boot-test-<version>-standalone.jar --port=8089}. It
 * prints the {@code tokenpay.*} properties that point an application at it, and serves
 * until stopped.
 *
 * <p>
 * Arguments: {@code --port=<port>} (8089 by default, 0 for any free one);
 * {@code --app-id=…}, {@code --mch-id=…} and {@code --app-secret=…} together (generated
 * when absent); {@code --merchant=<name>} (generated credentials) or
 * {@code --merchant=<name>:<app-id>:<mch-id>:<app-secret>}, repeatable;
 * {@code --seed-open-payout=<id>} and {@code --seed-paid-payout=<id>}, repeatable;
 * {@code --enforce-rate-limit}.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockTokenPayServerApplication {

	/**
	 * The port the server listens on unless {@code --port} says otherwise.
	 */
	public static final int DEFAULT_PORT = 8089;

	private MockTokenPayServerApplication() {
	}

	/**
	 * Start the server and serve until the process is stopped.
	 * @param args the arguments
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		MockTokenPayServer server;
		try {
			server = start(args, System.out);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "mock-tokenpay-shutdown"));
		stopped.await();
	}

	/**
	 * Start a server as the arguments say and print how to use it.
	 * @param args the arguments
	 * @param out where to print the properties that point an application at the server
	 * @return the running server
	 * @throws IllegalArgumentException if an argument is unusable, naming it
	 */
	public static MockTokenPayServer start(String[] args, PrintStream out) {
		Arguments arguments = Arguments.parse(args);
		MockTokenPayServer server;
		try {
			server = MockTokenPayServer.start(arguments.credentials(), arguments.port);
		}
		catch (UncheckedIOException ex) {
			throw new IllegalArgumentException(
					"Could not listen on port " + arguments.port + " (--port): " + ex.getMessage(), ex);
		}
		try {
			arguments.merchants.forEach((merchant) -> {
				if (merchant.credentials() != null) {
					server.addMerchant(merchant.name(), merchant.credentials());
				}
				else {
					server.addMerchant(merchant.name());
				}
			});
			arguments.openPayouts.forEach((id) -> server.payouts().seed(id, PayoutState.PENDING));
			arguments.paidPayouts.forEach((id) -> server.payouts().seed(id, PayoutState.SUCCESS));
			server.faults().enforceRateLimit(arguments.enforceRateLimit);
		}
		catch (IllegalArgumentException ex) {
			server.close();
			throw ex;
		}
		out.println("Mock TokenPay listening on " + server.baseUrl() + "; point an application at it with:");
		for (Map.Entry<String, String> property : server.properties().entrySet()) {
			out.println("  --" + property.getKey() + "=" + property.getValue());
		}
		return server;
	}

	private static final class Arguments {

		private int port = DEFAULT_PORT;

		private @Nullable String appId;

		private @Nullable String mchId;

		private @Nullable String appSecret;

		private final List<Merchant> merchants = new ArrayList<>();

		private final List<String> openPayouts = new ArrayList<>();

		private final List<String> paidPayouts = new ArrayList<>();

		private boolean enforceRateLimit;

		static Arguments parse(String[] args) {
			Arguments arguments = new Arguments();
			for (String arg : args) {
				arguments.accept(arg);
			}
			return arguments;
		}

		private void accept(String arg) {
			if (arg.equals("--enforce-rate-limit")) {
				this.enforceRateLimit = true;
				return;
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; use --port=, --app-id=, --mch-id=, "
						+ "--app-secret=, --merchant=, --seed-open-payout=, --seed-paid-payout= or --enforce-rate-limit");
			}
			String name = arg.substring(2, equals);
			String value = arg.substring(equals + 1);
			switch (name) {
				case "port" -> this.port = port(value);
				case "app-id" -> this.appId = value;
				case "mch-id" -> this.mchId = value;
				case "app-secret" -> this.appSecret = value;
				case "merchant" -> this.merchants.add(Merchant.parse(value));
				case "seed-open-payout" -> this.openPayouts.add(value);
				case "seed-paid-payout" -> this.paidPayouts.add(value);
				default -> throw new IllegalArgumentException("Unknown argument '--" + name + "'");
			}
		}

		private static int port(String value) {
			try {
				int port = Integer.parseInt(value);
				if (port >= 0 && port <= 65535) {
					return port;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(
					"--port must be a port number (0 for any free one) but is '" + value + "'");
		}

		TokenPayCredentials credentials() {
			String appId = this.appId;
			String mchId = this.mchId;
			String appSecret = this.appSecret;
			if (appId == null && mchId == null && appSecret == null) {
				return MockTokenPayServer.generateCredentials();
			}
			if (appId == null || mchId == null || appSecret == null) {
				throw new IllegalArgumentException("--app-id, --mch-id and --app-secret go together; give all three, "
						+ "or none to have them generated");
			}
			return Merchant.credentials("--app-id/--mch-id/--app-secret", appId, mchId, appSecret);
		}

	}

	private record Merchant(String name, @Nullable TokenPayCredentials credentials) {

		static Merchant parse(String value) {
			String[] parts = value.split(":", -1);
			if (parts.length == 1 && !parts[0].isBlank()) {
				return new Merchant(parts[0], null);
			}
			if (parts.length == 4 && !parts[0].isBlank()) {
				return new Merchant(parts[0], credentials("--merchant=" + parts[0], parts[1], parts[2], parts[3]));
			}
			throw new IllegalArgumentException(
					"--merchant must be <name> or <name>:<app-id>:<mch-id>:<app-secret> but is '" + value + "'");
		}

		static TokenPayCredentials credentials(String argument, String appId, String mchId, String appSecret) {
			try {
				return new TokenPayCredentials(appId, mchId, appSecret);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(argument + ": " + ex.getMessage(), ex);
			}
		}

	}

}
