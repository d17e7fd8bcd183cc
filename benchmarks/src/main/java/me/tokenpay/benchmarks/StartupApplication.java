package me.tokenpay.benchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * A minimal non-web application with every auto-configuration on the class path: the
 * starter's dependencies are always present, so the difference between a run with and
 * without {@code TokenPayAutoConfiguration} is the cost of the auto-configuration.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApplication {

	private static final String AUTO_CONFIGURATION = "me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration";

	static ConfigurableApplicationContext run(boolean withStarter) {
		Map<String, Object> properties = properties("http://127.0.0.1:9");
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", AUTO_CONFIGURATION);
		}
		ConfigurableApplicationContext context = run(properties);
		if (context.containsBean("tokenPayTemplate") != withStarter) {
			throw new IllegalStateException("TokenPayTemplate bean present: " + !withStarter);
		}
		return context;
	}

	/**
	 * The application with the starter against a server, with the end-to-end benchmark's
	 * settings: answers must be signed, no retries, no rate limiter.
	 * @param baseUrl the server
	 * @return the running context
	 */
	static ConfigurableApplicationContext runAgainst(URI baseUrl) {
		return runAgainst(baseUrl, null);
	}

	/**
	 * The application with the starter against a server, with the end-to-end benchmark's
	 * settings and a request factory chosen as a user would, by
	 * {@code spring.http.clients.imperative.factory}.
	 * @param baseUrl the server
	 * @param factory the factory ({@code http-components}, {@code jetty},
	 * {@code reactor}, {@code jdk} or {@code simple}), {@code null} for Boot's detection
	 * @return the running context
	 */
	static ConfigurableApplicationContext runAgainst(URI baseUrl, String factory) {
		Map<String, Object> properties = properties(baseUrl.toString());
		if (factory != null) {
			properties.put("spring.http.clients.imperative.factory", factory);
		}
		properties.put("tokenpay.user-agent", Fixtures.USER_AGENT);
		properties.put("tokenpay.signature.response-mode", "required");
		properties.put("tokenpay.retry.max-attempts", "1");
		properties.put("tokenpay.rate-limit.enabled", "false");
		return run(properties);
	}

	/**
	 * The application with the starter against a server, calls limited to TokenPay's 5
	 * per second as a user runs it, counted locally or in a Redis.
	 * @param baseUrl the server
	 * @param redis the connections to the Redis to count permits in, {@code null} to
	 * count them locally
	 * @return the running context
	 */
	static ConfigurableApplicationContext runRateLimited(URI baseUrl, RedisConnectionFactory redis) {
		Map<String, Object> properties = properties(baseUrl.toString());
		properties.put("tokenpay.retry.max-attempts", "1");
		properties.put("tokenpay.rate-limit.max-wait", "30s");
		properties.put("tokenpay.retry.deadline", "60s");
		if (redis != null) {
			properties.put("tokenpay.rate-limit.store", "redis");
		}
		SpringApplication application = application(properties);
		if (redis != null) {
			application.addInitializers(
					(context) -> context.getBeanFactory().registerSingleton("redisConnectionFactory", redis));
		}
		return application.run();
	}

	private static Map<String, Object> properties(String baseUrl) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.level.root", "WARN");
		properties.put("spring.main.lazy-initialization", "false");
		properties.put("tokenpay.base-url", baseUrl);
		properties.put("tokenpay.app-id", Fixtures.APP_ID);
		properties.put("tokenpay.mch-id", Fixtures.MCH_ID);
		properties.put("tokenpay.app-secret", Fixtures.APP_SECRET);
		return properties;
	}

	private static ConfigurableApplicationContext run(Map<String, Object> properties) {
		return application(properties).run();
	}

	private static SpringApplication application(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(properties);
		return application;
	}

}
