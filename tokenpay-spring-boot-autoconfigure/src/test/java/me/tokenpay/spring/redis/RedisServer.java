package me.tokenpay.spring.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real {@code redis-server} child process on a free loopback port, without persistence,
 * that can be stopped and started again on the same port.
 *
 * @author TokenPay Spring Boot team
 */
public final class RedisServer implements AutoCloseable {

	private final Path binary;

	private final int port;

	private Process process;

	private RedisServer(Path binary, int port) {
		this.binary = binary;
		this.port = port;
	}

	static RedisServer start(Path binary) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		RedisServer server = new RedisServer(binary, port);
		server.start();
		return server;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the {@code spring.data.redis.*} properties that point at this server, with a
	 * short command timeout so that a stopped server fails calls quickly.
	 * @return the property values
	 */
	public String[] properties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms" };
	}

	/**
	 * Open a started Lettuce connection factory to this server, with a 500 ms command
	 * timeout so that a stopped server fails calls quickly; destroy it after use.
	 * @return the connection factory
	 */
	public LettuceConnectionFactory connectionFactory() {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofMillis(500))
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port), client);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Start the server, on the same port if it ran before.
	 * @throws IOException if it does not answer {@code PING} within 10 seconds
	 */
	public synchronized void start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		this.process = new ProcessBuilder(List.of(this.binary.toString(), "--port", Integer.toString(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		Process started = this.process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!ping()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				stop();
				throw new IOException("redis-server did not start on port " + this.port);
			}
			sleep(20);
		}
	}

	/**
	 * Stop the server; its data is gone.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(5, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Run an action while the server is stopped, then start it again on the same port,
	 * whatever the action did.
	 * @param action what to do while Redis is down
	 * @throws Exception what the action threw
	 */
	public void whileStopped(Action action) throws Exception {
		stop();
		try {
			action.run();
		}
		finally {
			start();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean ping() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(1000);
			OutputStream output = socket.getOutputStream();
			output.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();
			InputStream input = socket.getInputStream();
			byte[] answer = input.readNBytes(7);
			return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Path findBinary() {
		String configured = System.getenv("TOKENPAY_TEST_REDIS_SERVER");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(directory, "redis-server");
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return Path.of("/usr/bin/redis-server");
	}

	/**
	 * Something to do while the server is stopped.
	 */
	@FunctionalInterface
	public interface Action {

		/**
		 * Do it.
		 * @throws Exception any failure, such as a failed assertion
		 */
		void run() throws Exception;

	}

}
