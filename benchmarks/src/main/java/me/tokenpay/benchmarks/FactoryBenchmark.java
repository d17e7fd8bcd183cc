package me.tokenpay.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
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
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The template end to end on each request factory Boot can pick, chosen as a user would
 * ({@code spring.http.clients.imperative.factory}), next to a plain {@code RestClient}
 * POST of the same pre-signed bytes on the same factory. {@code cancelPayout} and
 * {@code createPayout} run through the same pipeline; the server answers both with the
 * same signed envelope. Concurrency is JMH's thread count ({@code -t}).
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FactoryBenchmark {

	private static final CancelPayoutRequest CANCEL = new CancelPayoutRequest(Fixtures.PAYOUT_ID);

	private static final CreatePayoutRequest CREATE = CreatePayoutRequest
		.builder(new BigDecimal("12.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
		.outTradeNo("order-benchmark-0001")
		.build();

	@Param({ "http-components", "jdk", "jetty", "reactor", "simple" })
	public String factory;

	private LoopbackServer server;

	private ConfigurableApplicationContext context;

	private TokenPayTemplate template;

	private RestClient restClient;

	private String authorization;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.server = new LoopbackServer();
		this.context = StartupApplication.runAgainst(this.server.baseUrl(), this.factory);
		this.template = this.context.getBean(TokenPayTemplate.class);
		ClientHttpRequestFactoryBuilder<?> builder = this.context.getBean(ClientHttpRequestFactoryBuilder.class);
		this.restClient = RestClient.builder()
			.requestFactory(builder.build(HttpClientSettings.defaults()))
			.baseUrl(this.server.baseUrl().toString())
			.build();
		this.authorization = new TtpayAuthorizationSigner(Fixtures.credentials()).sign(HttpMethod.POST, Fixtures.PATH,
				Fixtures.REQUEST_BODY);
		CancelPayoutResponse response = cancelPayout();
		if (response.code() != 0 || !Arrays.equals(this.server.lastRequestBody(), Fixtures.REQUEST_BODY)) {
			throw new IllegalStateException("Unexpected exchange on " + this.factory + ": " + response);
		}
		createPayout();
		if (!Arrays.equals(plainRestClient(), Fixtures.RESPONSE_BODY)) {
			throw new IllegalStateException("Unexpected answer to the plain RestClient on " + this.factory);
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.context.close();
		this.server.close();
	}

	/**
	 * The starter: one Cancel Payout.
	 * @return the result
	 */
	@Benchmark
	public CancelPayoutResponse cancelPayout() {
		return this.template.cancelPayout(CANCEL);
	}

	/**
	 * The starter: one Create Payout, through the same pipeline.
	 * @return the result
	 */
	@Benchmark
	public Payout createPayout() {
		return this.template.payouts().create(CREATE);
	}

	/**
	 * A plain {@code RestClient} POST of the pre-signed bytes on the same factory.
	 * @return the answer's bytes
	 */
	@Benchmark
	public byte[] plainRestClient() {
		return this.restClient.post()
			.uri(Fixtures.PATH)
			.header(HttpHeaders.AUTHORIZATION, this.authorization)
			.header(HttpHeaders.USER_AGENT, Fixtures.USER_AGENT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Fixtures.REQUEST_BODY)
			.retrieve()
			.body(byte[].class);
	}

}
