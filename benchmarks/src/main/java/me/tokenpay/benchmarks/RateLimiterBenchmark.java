package me.tokenpay.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What a permit costs per call: the local limiter and the Redis limiter (one Lua script
 * round trip to a {@code redis-server} on loopback, started by the benchmark), against a
 * baseline that takes no permit. Permits are plentiful so that nobody waits: the
 * difference to the baseline is the latency the limiter adds. Run with {@code -t 1} and
 * {@code -t 16}; needs {@code redis-server} on the {@code PATH}.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RateLimiterBenchmark {

	private static final String APP_ID = "8e4b8c2e7c0123456789a1cbd3d59e0b";

	private static final int PERMITS = 100_000;

	private Process redis;

	private LettuceConnectionFactory connectionFactory;

	private LocalTokenPayRateLimiter local;

	private RedisTokenPayRateLimiter shared;

	@Setup(Level.Trial)
	public void start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.redis = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no"))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectErrorStream(true)
			.start();
		Process started = this.redis;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
		awaitPort(port);
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.local = new LocalTokenPayRateLimiter(PERMITS, Duration.ofMillis(10), Duration.ofSeconds(1));
		this.shared = new RedisTokenPayRateLimiter(this.connectionFactory, new RedisTokenPayRateLimiter.Settings(PERMITS,
				Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10), StoreFailure.REJECT, 1),
				ObservationRegistry.NOOP);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		this.connectionFactory.destroy();
		this.redis.destroy();
		this.redis.waitFor(5, TimeUnit.SECONDS);
	}

	@Benchmark
	public String noLimiter() {
		return APP_ID;
	}

	@Benchmark
	public void localLimiter() {
		this.local.acquire(APP_ID).release();
	}

	@Benchmark
	public void redisLimiter() {
		this.shared.acquire(APP_ID).release();
	}

	private static void awaitPort(int port) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
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

}
