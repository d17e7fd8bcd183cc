package me.tokenpay.benchmarks;

import java.math.BigDecimal;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What the rule that keeps answers apart costs per call, over loopback with Apache
 * HttpComponents (the starter's default client): the template's cancel on a pooled
 * connection checked for stray bytes before reuse, and its create on a connection of its
 * own, against the same pre-signed bytes sent by a plain {@code RestClient} over Boot's
 * HttpComponents factory, pooled without checks and with a new connection per call.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ConnectionRuleBenchmark {

	private static final CancelPayoutRequest CANCEL = new CancelPayoutRequest(Fixtures.PAYOUT_ID);

	private static final CreatePayoutRequest CREATE = CreatePayoutRequest
		.builder(BigDecimal.ONE, Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
		.outTradeNo("benchmark-order")
		.build();

	private LoopbackServer server;

	private ConfigurableApplicationContext context;

	private TokenPayTemplate template;

	private ClientHttpRequestFactory plainFactory;

	private RestClient plain;

	private String authorization;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.server = new LoopbackServer();
		this.context = StartupApplication.runAgainst(this.server.baseUrl(), "http-components");
		this.template = this.context.getBean(TokenPayTemplate.class);
		this.plainFactory = ClientHttpRequestFactoryBuilder.httpComponents().build(HttpClientSettings.defaults());
		this.plain = RestClient.builder()
			.requestFactory(this.plainFactory)
			.baseUrl(this.server.baseUrl().toString())
			.build();
		this.authorization = new TtpayAuthorizationSigner(Fixtures.credentials()).sign(HttpMethod.POST, Fixtures.PATH,
				Fixtures.REQUEST_BODY);
		if (templateCancel().code() != 0 || templateCreate().outTradeNo() == null || plainPooled().length == 0
				|| plainNewConnection().length == 0) {
			throw new IllegalStateException("Unexpected answer");
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		if (this.plainFactory instanceof AutoCloseable closeable) {
			closeable.close();
		}
		this.context.close();
		this.server.close();
	}

	/**
	 * The starter's cancel: a pooled connection, checked for stray bytes before reuse.
	 * @return the result
	 */
	@Benchmark
	public CancelPayoutResponse templateCancel() {
		return this.template.cancelPayout(CANCEL);
	}

	/**
	 * The starter's create: a connection of its own, closed after the answer.
	 * @return the result
	 */
	@Benchmark
	public Payout templateCreate() {
		return this.template.payouts().create(CREATE);
	}

	/**
	 * Baseline: pre-signed bytes over Boot's HttpComponents factory, pooled.
	 * @return the answer's bytes
	 */
	@Benchmark
	public byte[] plainPooled() {
		return post(false);
	}

	/**
	 * Baseline: the same with {@code Connection: close}, a new connection per call.
	 * @return the answer's bytes
	 */
	@Benchmark
	public byte[] plainNewConnection() {
		return post(true);
	}

	private byte[] post(boolean close) {
		return Fixtures.postPresigned(this.plain, this.authorization, close);
	}

}
