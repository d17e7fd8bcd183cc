package me.tokenpay.benchmarks;

import java.io.IOException;
import java.time.Duration;
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

	private RedisProcess redis;

	private LettuceConnectionFactory connectionFactory;

	private LocalTokenPayRateLimiter local;

	private RedisTokenPayRateLimiter shared;

	@Setup(Level.Trial)
	public void start() throws IOException, InterruptedException {
		this.redis = new RedisProcess();
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.local = new LocalTokenPayRateLimiter(PERMITS, Duration.ofMillis(10), Duration.ofSeconds(1));
		this.shared = new RedisTokenPayRateLimiter(
				this.connectionFactory, new RedisTokenPayRateLimiter.Settings(PERMITS, Duration.ofMillis(10),
						Duration.ofSeconds(1), Duration.ofSeconds(10), StoreFailure.REJECT, 1),
				ObservationRegistry.NOOP);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		this.connectionFactory.destroy();
		this.redis.close();
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

}
