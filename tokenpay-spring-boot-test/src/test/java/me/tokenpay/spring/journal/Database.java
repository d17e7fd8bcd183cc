package me.tokenpay.spring.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import me.tokenpay.spring.jdbc.TablePrefix;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real database for the journal's tests: H2 in memory, or a PostgreSQL or MariaDB
 * server from Debian's packages started on a free loopback port in a temporary directory
 * and removed afterwards. Each test gets tables of its own under a fresh prefix. Without
 * the server binaries the tests of that database are skipped, unless
 * {@code TOKENPAY_REQUIRE_DATABASES=true} (as in CI) makes that a failure.
 *
 * @author TokenPay Spring Boot team
 */
enum Database {

	/**
	 * H2 in memory, the embedded default.
	 */
	H2("postgresql"),

	/**
	 * PostgreSQL 15.
	 */
	POSTGRESQL("postgresql"),

	/**
	 * MariaDB 10.11.
	 */
	MARIADB("mysql");

	private static final Path POSTGRES_BIN = Path.of("/usr/lib/postgresql/15/bin");

	private static final AtomicInteger PREFIXES = new AtomicInteger();

	private final String platform;

	private Server server;

	Database(String platform) {
		this.platform = platform;
	}

	/**
	 * Return tables of their own for one test: a data source, and a fresh table prefix
	 * whose tables exist.
	 * @return the tables
	 */
	synchronized Tables tables() {
		DataSource dataSource = dataSource();
		String prefix = "T" + PREFIXES.incrementAndGet() + "_";
		try {
			String script = new ClassPathResource("me/tokenpay/spring/journal/schema-" + this.platform + ".sql")
				.getContentAsString(StandardCharsets.UTF_8)
				.replace(TablePrefix.DEFAULT, prefix);
			new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
				.execute(dataSource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Tables(dataSource, prefix);
	}

	private DataSource dataSource() {
		return switch (this) {
			case H2 -> new DriverManagerDataSource("jdbc:h2:mem:journal;DB_CLOSE_DELAY=-1", "sa", "");
			case POSTGRESQL -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + server().port + "/postgres",
					"postgres", "");
			case MARIADB ->
				new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:" + server().port + "/test", "root", "");
		};
	}

	private Server server() {
		if (this.server == null) {
			this.server = (this == POSTGRESQL) ? Server.postgres() : Server.mariadb();
			Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
		}
		return this.server;
	}

	/**
	 * A test's tables.
	 *
	 * @param dataSource the data source
	 * @param prefix the prefix of the tables
	 */
	record Tables(DataSource dataSource, String prefix) {

	}

	/**
	 * A database server process in a temporary directory.
	 */
	private static final class Server {

		private final Path directory;

		private final int port;

		private final Process process;

		private final Runnable stopper;

		private Server(Path directory, int port, Process process, Runnable stopper) {
			this.directory = directory;
			this.port = port;
			this.process = process;
			this.stopper = stopper;
		}

		static Server postgres() {
			available(POSTGRES_BIN.resolve("initdb"), "PostgreSQL 15 (apt-get install postgresql)");
			Path directory = temporaryDirectory("tokenpay-postgres");
			int port = freePort();
			run(List.of("chown", "postgres", directory.toString()));
			Path data = directory.resolve("data");
			run(List.of("runuser", "-u", "postgres", "--", POSTGRES_BIN.resolve("initdb").toString(), "-A", "trust",
					"-U", "postgres", "-D", data.toString()));
			Process process = start(List.of("runuser", "-u", "postgres", "--",
					POSTGRES_BIN.resolve("postgres").toString(), "-D", data.toString(), "-p", Integer.toString(port),
					"-k", directory.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"),
					directory.resolve("server.log"));
			Server server = new Server(directory, port, process, () -> run(List.of("runuser", "-u", "postgres", "--",
					POSTGRES_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop")));
			server.awaitPort();
			return server;
		}

		static Server mariadb() {
			available(Path.of("/usr/sbin/mariadbd"), "MariaDB (apt-get install mariadb-server)");
			Path directory = temporaryDirectory("tokenpay-mariadb");
			int port = freePort();
			Path data = directory.resolve("data");
			run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
					"--auth-root-authentication-method=normal"));
			Process process = start(List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + data, "--user=root",
					"--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("sock"),
					"--skip-name-resolve", "--innodb-flush-log-at-trx-commit=0"), directory.resolve("server.log"));
			Server server = new Server(directory, port, process, process::destroyForcibly);
			server.awaitPort();
			return server;
		}

		private void awaitPort() {
			for (int i = 0; i < 600; i++) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Database server exited; see " + this.directory);
				}
				try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
					return;
				}
				catch (IOException ex) {
					try {
						this.process.waitFor(100, TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(interrupted);
					}
				}
			}
			throw new IllegalStateException("Database server did not listen within a minute; see " + this.directory);
		}

		void stop() {
			try {
				this.stopper.run();
			}
			catch (RuntimeException ex) {
				// already stopped
			}
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try (Stream<Path> paths = Files.walk(this.directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// best effort: the directory is temporary
			}
		}

		private static void available(Path binary, String what) {
			boolean required = Boolean.parseBoolean(System.getenv("TOKENPAY_REQUIRE_DATABASES"));
			if (required && !Files.isExecutable(binary)) {
				throw new IllegalStateException(
						what + " is required (TOKENPAY_REQUIRE_DATABASES=true) but " + binary + " is missing");
			}
			assumeTrue(Files.isExecutable(binary), what + " is not installed");
		}

		private static Path temporaryDirectory(String prefix) {
			try {
				return Files.createTempDirectory(prefix);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void run(List<String> command) {
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (process.waitFor() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static Process start(List<String> command, Path log) {
			try {
				return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
