package me.tokenpay.spring.autoconfigure;

import me.tokenpay.spring.client.notification.InMemoryNotificationDeduplicator;
import me.tokenpay.spring.client.notification.RedisNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Redis choices of the auto-configuration: the stores are local by default,
 * Redis when asked for and available, and a start-up failure naming the property when
 * asked for but not available.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRedisAutoConfigurationTests {

	private final LoopbackGateway gateway = new LoopbackGateway();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties());

	@AfterEach
	void stop() {
		this.gateway.close();
	}

	@Test
	void storesAreLocalByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(TokenPayRateLimiter.class).isInstanceOf(LocalTokenPayRateLimiter.class);
			assertThat(context).getBean(TokenPayNotificationDeduplicator.class)
				.isInstanceOf(InMemoryNotificationDeduplicator.class);
		});
	}

	@Test
	void redisStoresUseTheRedisConnectionFactory() {
		this.contextRunner
			.withPropertyValues("tokenpay.rate-limit.store=redis", "tokenpay.notification.dedupe-store=redis")
			.withBean(RedisConnectionFactory.class,
					() -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1)))
			.run((context) -> {
				assertThat(context).getBean(TokenPayRateLimiter.class).isInstanceOf(RedisTokenPayRateLimiter.class);
				assertThat(context).getBean(TokenPayNotificationDeduplicator.class)
					.isInstanceOf(RedisNotificationDeduplicator.class);
			});
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("tokenpay.rate-limit.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining("tokenpay.rate-limit.store")
				.hasMessageContaining("no RedisConnectionFactory bean"));
		this.contextRunner.withPropertyValues("tokenpay.notification.dedupe-store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.notification.dedupe-store"));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsNamingTheProperty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("tokenpay.rate-limit.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.rate-limit.store")
				.hasMessageContaining("not on the class path"));
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("tokenpay.notification.dedupe-store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.notification.dedupe-store"));
	}

	@Test
	void withoutSpringDataRedisTheLocalStoresStillWork() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(TokenPayRateLimiter.class)
				.isInstanceOf(LocalTokenPayRateLimiter.class));
	}

}
