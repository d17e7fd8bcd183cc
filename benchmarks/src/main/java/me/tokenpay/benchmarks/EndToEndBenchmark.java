package me.tokenpay.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One Cancel Payout call over loopback against the same minimal server: the template as
 * the auto-configuration builds it (signs, serialises, verifies, parses, observes with
 * Boot's registry without handlers, no limiter, no retries, the JDK client with the
 * starter's executor) against hand-written calls that send the same bytes signed once in
 * advance and only read the answer's bytes. Concurrency is JMH's thread count
 * ({@code -t}).
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class EndToEndBenchmark {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final CancelPayoutRequest REQUEST = new CancelPayoutRequest(Fixtures.PAYOUT_ID);

	private LoopbackServer server;

	private HttpClient httpClient;

	private TokenPayTemplate template;

	private RestClient restClient;

	private RestClient pooledRestClient;

	private ConfigurableApplicationContext context;

	private OkHttpClient okHttpClient;

	private URI url;

	private String authorization;

	@Setup(Level.Trial)
	public void start() throws IOException, InterruptedException {
		this.server = new LoopbackServer();
		this.url = this.server.baseUrl().resolve(Fixtures.PATH);
		this.httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(this.httpClient);
		requestFactory.setReadTimeout(READ_TIMEOUT);
		this.context = StartupApplication.runAgainst(this.server.baseUrl());
		this.template = this.context.getBean(TokenPayTemplate.class);
		this.restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.baseUrl(this.server.baseUrl().toString())
			.build();
		Executor executor = this.context.getBean(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME, Executor.class);
		JdkClientHttpRequestFactory pooledRequestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(executor)
			.build());
		pooledRequestFactory.setReadTimeout(READ_TIMEOUT);
		this.pooledRestClient = RestClient.builder()
			.requestFactory(pooledRequestFactory)
			.baseUrl(this.server.baseUrl().toString())
			.build();
		TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(Fixtures.credentials());
		this.okHttpClient = new OkHttpClient().newBuilder().build();
		this.authorization = signer.sign(org.springframework.http.HttpMethod.POST, Fixtures.PATH,
				Fixtures.REQUEST_BODY);
		check();
	}

	private void check() throws IOException, InterruptedException {
		CancelPayoutResponse response = template();
		if (response.code() != 0 || !Fixtures.REQUEST_ID.equals(response.requestId())) {
			throw new IllegalStateException("Unexpected answer " + response);
		}
		if (!Arrays.equals(this.server.lastRequestBody(), Fixtures.REQUEST_BODY)) {
			throw new IllegalStateException("The template sent other bytes than the baselines: "
					+ new String(this.server.lastRequestBody(), StandardCharsets.UTF_8));
		}
		for (byte[] answer : new byte[][] { plainRestClient(), pooledRestClient(), okHttp(), jdkHttpClient() }) {
			if (!Arrays.equals(answer, Fixtures.RESPONSE_BODY)) {
				throw new IllegalStateException("Unexpected answer " + new String(answer, StandardCharsets.UTF_8));
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.okHttpClient.dispatcher().executorService().shutdown();
		this.okHttpClient.connectionPool().evictAll();
		this.context.close();
		this.server.close();
	}

	/**
	 * The starter: one {@code cancelPayout} call.
	 * @return the result
	 */
	@Benchmark
	public CancelPayoutResponse template() {
		return this.template.cancelPayout(REQUEST);
	}

	/**
	 * A plain {@code RestClient} POST of the pre-signed bytes over the template's request
	 * factory.
	 * @return the answer's bytes
	 */
	@Benchmark
	public byte[] plainRestClient() {
		return post(this.restClient);
	}

	/**
	 * Not a baseline a user writes: {@link #plainRestClient()} with the executor the
	 * auto-configuration gives the template's {@code HttpClient}, to tell the template's
	 * own cost from the transport's.
	 * @return the answer's bytes
	 */
	@Benchmark
	public byte[] pooledRestClient() {
		return post(this.pooledRestClient);
	}

	private byte[] post(RestClient client) {
		return Fixtures.postPresigned(client, this.authorization, false);
	}

	/**
	 * The provider's Java snippet (OkHttp), with the client built once and the answer
	 * read and closed.
	 * @return the answer's bytes
	 * @throws IOException if the call fails
	 */
	@Benchmark
	public byte[] okHttp() throws IOException {
		MediaType mediaType = MediaType.parse("application/json");
		RequestBody body = RequestBody.create(mediaType, Fixtures.REQUEST_JSON);
		Request request = new Request.Builder().url(this.url.toString())
			.method("POST", body)
			.addHeader("Authorization", this.authorization)
			.addHeader("User-Agent", Fixtures.USER_AGENT)
			.addHeader("Content-Type", "application/json")
			.build();
		try (Response response = this.okHttpClient.newCall(request).execute()) {
			return response.body().bytes();
		}
	}

	/**
	 * The JDK {@code HttpClient} the template's request factory wraps, called directly.
	 * @return the answer's bytes
	 * @throws IOException if the call fails
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	public byte[] jdkHttpClient() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(READ_TIMEOUT)
			.header("Authorization", this.authorization)
			.header("User-Agent", Fixtures.USER_AGENT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.REQUEST_BODY))
			.build();
		return this.httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
	}

}
