package me.tokenpay.spring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.tck.TestObservationRegistry;
import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A {@link TokenPayTemplate} built by {@link TokenPayAutoConfiguration} in a small
 * application context, with a {@link TestObservationRegistry}. Unless overridden,
 * timeouts are short, back-off delays tiny and the rate limiter off, so that tests run
 * fast.
 *
 * @author TokenPay Spring Boot team
 */
final class TestTokenPayClient implements AutoCloseable {

	static final Duration DEADLINE = Duration.ofSeconds(10);

	private static final String[] FAST_DEFAULTS = { "tokenpay.connect-timeout=1s", "tokenpay.read-timeout=1s",
			"tokenpay.retry.initial-delay=10ms", "tokenpay.retry.max-delay=40ms", "tokenpay.retry.jitter=0ms",
			"tokenpay.retry.deadline=" + DEADLINE.toMillis() + "ms", "tokenpay.rate-limit.enabled=false" };

	private final AnnotationConfigApplicationContext context;

	private TestTokenPayClient(AnnotationConfigApplicationContext context) {
		this.context = context;
	}

	static TestTokenPayClient create(MockTokenPayServer server, String... properties) {
		return create(server, (context) -> {
		}, properties);
	}

	static TestTokenPayClient create(MockTokenPayServer server, Consumer<GenericApplicationContext> beans,
			String... properties) {
		return create(server.properties().entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList(),
				null, beans, properties);
	}

	static TestTokenPayClient create(String baseUrl, TokenPayCredentials credentials, String... properties) {
		return create(baseUrl, credentials, null, properties);
	}

	static TestTokenPayClient create(String baseUrl, TokenPayCredentials credentials,
			@Nullable HttpClientSettings httpClientSettings, String... properties) {
		return create(
				List.of("tokenpay.base-url=" + baseUrl, "tokenpay.app-id=" + credentials.appId(),
						"tokenpay.mch-id=" + credentials.mchId(), "tokenpay.app-secret=" + credentials.appSecret()),
				httpClientSettings, (context) -> {
				}, properties);
	}

	private static TestTokenPayClient create(List<String> base, @Nullable HttpClientSettings httpClientSettings,
			Consumer<GenericApplicationContext> beans, String... properties) {
		List<String> all = new ArrayList<>(base);
		all.addAll(Arrays.asList(FAST_DEFAULTS));
		all.addAll(Arrays.asList(properties));
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		TestPropertyValues.of(all).applyTo(context);
		context.registerBean(TestObservationRegistry.class, TestObservationRegistry::create);
		if (httpClientSettings != null) {
			context.registerBean(HttpClientSettings.class, () -> httpClientSettings);
		}
		beans.accept(context);
		context.register(Config.class);
		context.refresh();
		return new TestTokenPayClient(context);
	}

	TokenPayTemplate template() {
		return this.context.getBean(TokenPayTemplate.class);
	}

	<T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	TestObservationRegistry observations() {
		return this.context.getBean(TestObservationRegistry.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TokenPayAutoConfiguration.class)
	static class Config {

	}

}
