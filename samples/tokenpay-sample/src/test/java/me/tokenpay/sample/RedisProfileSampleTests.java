package me.tokenpay.sample;

import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.notification.RedisNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.redis.RedisServer;
import me.tokenpay.spring.redis.RedisServerExtension;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code redis} profile against a real {@code redis-server}: the rate limit
 * and the notification dedupe move to Redis, and the health shows Redis and TokenPay up.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(RedisServerExtension.class)
class RedisProfileSampleTests {

	@Test
	void theRedisProfileSharesTheRateLimitAndTheDedupe(RedisServer redis) {
		try (MockTokenPayServer mock = MockTokenPayServer.start()) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=redis",
					"--spring.data.redis.port=" + redis.port(), "--spring.data.redis.host=127.0.0.1"));
			mock.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
			try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(TokenPaySampleApplication.class)
				.run(args.toArray(String[]::new))) {
				assertThat(sample.getBean(TokenPayRateLimiter.class)).isInstanceOf(RedisTokenPayRateLimiter.class);
				assertThat(sample.getBean(TokenPayNotificationDeduplicator.class))
					.isInstanceOf(RedisNotificationDeduplicator.class);
				SampleClients.to(Integer.parseInt(sample.getEnvironment().getRequiredProperty("local.server.port")))
					.get()
					.uri("/actuator/health")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.components.redis.status")
					.isEqualTo("UP")
					.jsonPath("$.components.tokenpay.status")
					.isEqualTo("UP");
			}
		}
	}

}
