package me.tokenpay.benchmarks;

import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * How much of TokenPay's budget (5 calls per second per app id) the rate limiter lets
 * through when demand exceeds it: eight threads call as fast as their permits allow,
 * against a gateway on loopback or 200 ms away, with the permits counted locally or in
 * Redis. The score is calls per second; divided by 5 it is the budget's utilisation.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(8)
@State(Scope.Benchmark)
public class BudgetUtilisationBenchmark {

	private static final CancelPayoutRequest REQUEST = new CancelPayoutRequest(Fixtures.PAYOUT_ID);

	@Param({ "local", "redis" })
	public String store;

	@Param({ "0", "200" })
	public long latencyMillis;

	private LoopbackServer server;

	private RedisProcess redis;

	private LettuceConnectionFactory connectionFactory;

	private ConfigurableApplicationContext context;

	private TokenPayTemplate template;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.server = new LoopbackServer(this.latencyMillis);
		if ("redis".equals(this.store)) {
			this.redis = new RedisProcess();
			this.connectionFactory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
			this.connectionFactory.afterPropertiesSet();
			this.connectionFactory.start();
		}
		this.context = StartupApplication.runRateLimited(this.server.baseUrl(), this.connectionFactory);
		this.template = this.context.getBean(TokenPayTemplate.class);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		this.context.close();
		if (this.redis != null) {
			this.connectionFactory.destroy();
			this.redis.close();
		}
		this.server.close();
	}

	/**
	 * One call, when the limiter grants its permit.
	 * @return the result
	 */
	@Benchmark
	public CancelPayoutResponse call() {
		return this.template.cancelPayout(REQUEST);
	}

}
