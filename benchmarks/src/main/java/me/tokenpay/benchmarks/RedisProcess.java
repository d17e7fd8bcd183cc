package me.tokenpay.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} on a free loopback port, without persistence, for the benchmarks
 * that need Redis; it ends with the benchmark's JVM.
 *
 * @author TokenPay Spring Boot team
 */
final class RedisProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	RedisProcess() throws IOException, InterruptedException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = socket.getLocalPort();
		}
		this.process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no"))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectErrorStream(true)
			.start();
		Process started = this.process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
		awaitPort();
	}

	int port() {
		return this.port;
	}

	private void awaitPort() throws InterruptedException, IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(20);
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(5, TimeUnit.SECONDS);
	}

}
