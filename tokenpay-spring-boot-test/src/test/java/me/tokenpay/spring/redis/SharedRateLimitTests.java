package me.tokenpay.spring.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.resilience.DelayedSends;
import me.tokenpay.spring.test.MockTokenPayRequest;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three application instances (contexts) share one Redis and one mock gateway: the
 * gateway never sees more than 5 requests of one app id in any second, every call ends in
 * success or a typed rate-limit error, and a second app id keeps its own budget.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(RedisServerExtension.class)
class SharedRateLimitTests {

	private final MockTokenPayServer first = MockTokenPayServer.start();

	private final MockTokenPayServer second = MockTokenPayServer.start();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(64);

	@BeforeEach
	void enforceTheGatewaysLimit() {
		this.first.faults().enforceRateLimit(true);
		this.second.faults().enforceRateLimit(true);
	}

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.first.close();
		this.second.close();
	}

	@Test
	void sixtyConcurrentCancelsOnThreeInstancesStayWithinTheGatewaysLimit(RedisServer redis) throws Exception {
		for (int i = 0; i < 3; i++) {
			this.instances.add(instance(redis, DelayedInstance.class));
		}
		assertThat(this.instances).allSatisfy((instance) -> assertThat(instance.getBean(TokenPayRateLimiter.class))
			.isInstanceOf(RedisTokenPayRateLimiter.class));
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String payoutId = this.first.payouts().seedOpen();
			TokenPayMerchants merchants = this.instances.get(i % 3).getBean(TokenPayMerchants.class);
			calls.add(() -> outcome(() -> merchants.get("first").cancelPayout(payoutId)));
		}
		List<Callable<String>> secondCalls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String payoutId = this.second.payouts().seedOpen();
			TokenPayMerchants merchants = this.instances.get(i % 3).getBean(TokenPayMerchants.class);
			secondCalls.add(() -> outcome(() -> merchants.get("second").cancelPayout(payoutId)));
		}
		List<Future<String>> firstOutcomes = new ArrayList<>();
		for (Callable<String> call : calls) {
			firstOutcomes.add(this.executor.submit(call));
		}
		List<String> secondOutcomes = new ArrayList<>();
		for (Callable<String> call : secondCalls) {
			secondOutcomes.add(call.call());
		}
		List<String> outcomes = new ArrayList<>();
		for (Future<String> outcome : firstOutcomes) {
			outcomes.add(outcome.get(5, TimeUnit.MINUTES));
		}
		assertThat(outcomes).hasSize(60).allMatch((outcome) -> outcome.equals("ok") || outcome.equals("rate-limited"));
		assertThat(outcomes).contains("ok");
		assertThat(this.first.requests()).hasSize((int) outcomes.stream().filter("ok"::equals).count())
			.allSatisfy((request) -> assertThat(request.code()).as(request.toString()).isZero());
		assertThat(secondOutcomes).as("the second app id is not slowed by the first").containsOnly("ok");
		assertThat(this.second.requests()).extracting(MockTokenPayRequest::code).containsOnly(0);
	}

	@Test
	void redisStoppedMidRunLetsCallsGoOnLocallyOrRefusesThemWithoutSending(RedisServer redis) throws IOException {
		ConfigurableApplicationContext local = instance(redis);
		ConfigurableApplicationContext reject = instance(redis, "tokenpay.rate-limit.on-store-failure=reject");
		this.instances.add(local);
		this.instances.add(reject);
		TokenPayMerchants localMerchants = local.getBean(TokenPayMerchants.class);
		TokenPayMerchants rejectMerchants = reject.getBean(TokenPayMerchants.class);
		localMerchants.get("first").cancelPayout(this.first.payouts().seedOpen());
		rejectMerchants.get("first").cancelPayout(this.first.payouts().seedOpen());
		redis.stop();
		try {
			this.first.reset();
			assertThat(outcome(() -> localMerchants.get("first").cancelPayout(this.first.payouts().seedOpen())))
				.isEqualTo("ok");
			assertThat(this.first.requests()).hasSize(1);
			assertThat(outcome(() -> rejectMerchants.get("first").cancelPayout(this.first.payouts().seedOpen())))
				.isEqualTo("rate-limited");
			assertThat(this.first.requests()).as("nothing sent when the store fails and rejects").hasSize(1);
		}
		finally {
			redis.start();
		}
	}

	private ConfigurableApplicationContext instance(RedisServer redis, String... more) {
		return instance(redis, Instance.class, more);
	}

	private ConfigurableApplicationContext instance(RedisServer redis, Class<?> configuration, String... more) {
		String[] properties = Stream
			.of(redis.properties(), merchant("first", this.first), merchant("second", this.second),
					new String[] { "tokenpay.default-merchant=first", "tokenpay.rate-limit.store=redis",
							"tokenpay.rate-limit.max-wait=2s", "tokenpay.retry.max-attempts=1",
							"spring.main.banner-mode=off", "management.health.redis.enabled=false" },
					more)
			.flatMap(Stream::of)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).properties(properties).run();
	}

	private static String[] merchant(String name, MockTokenPayServer server) {
		String prefix = "tokenpay.merchants." + name;
		return new String[] { prefix + ".app-id=" + server.credentials().appId(),
				prefix + ".mch-id=" + server.credentials().mchId(),
				prefix + ".app-secret=" + server.credentials().appSecret(), prefix + ".base-url=" + server.baseUrl() };
	}

	private static String outcome(Runnable call) {
		try {
			call.run();
			return "ok";
		}
		catch (TokenPayRateLimitException ex) {
			return "rate-limited";
		}
		catch (RuntimeException ex) {
			return ex.toString();
		}
	}

	/**
	 * One application instance.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Instance {

	}

	/**
	 * One application instance whose requests are held back 0–500 ms after their permit.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DelayedInstance {

		@Bean
		RestClientCustomizer delayedSends() {
			return (builder) -> builder.requestInterceptor(DelayedSends.interceptor(System.identityHashCode(this)));
		}

	}

}
