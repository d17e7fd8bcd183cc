package me.tokenpay.spring.autoconfigure;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.notification.InMemoryNotificationDeduplicator;
import me.tokenpay.spring.client.notification.RedisNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.notification.TokenPayNotificationHandler;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.client.observation.DefaultTokenPayNotificationObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@link AutoConfiguration Auto-configuration} for TokenPay notifications: a
 * {@link TokenPayNotificationParser} that verifies each notification with the secret of
 * the merchant whose app id it names (whenever the starter configures
 * {@link TokenPayMerchants}; applications that receive notifications in their own
 * controller use it too), a {@link TokenPayNotificationDeduplicator} (in memory, or in
 * Redis with {@code tokenpay.notification.dedupe-store=redis}), and, with
 * {@code tokenpay.notification.enabled=true}, a {@link TokenPayNotificationDispatcher}
 * and, in a servlet web application, a {@code POST} endpoint at
 * {@code tokenpay.notification.path}.
 *
 * @author TokenPay Spring Boot team
 */
@AutoConfiguration(after = TokenPayAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(name = "tokenpay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TokenPayProperties.class)
public final class TokenPayNotificationAutoConfiguration {

	/**
	 * The most notifications the in-memory deduplicator remembers.
	 */
	static final int MAX_REMEMBERED_NOTIFICATIONS = 100_000;

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TokenPayMerchants.class)
	TokenPayNotificationParser tokenPayNotificationParser(TokenPayProperties properties, TokenPayMerchants merchants) {
		return TokenPayPropertiesMapper.notificationParser(properties, merchants);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenPayNotificationDeduplicator tokenPayNotificationDeduplicator(TokenPayProperties properties) {
		if (properties.notification().dedupeStore() == TokenPayProperties.Notification.DedupeStore.REDIS) {
			throw new InvalidTokenPayPropertyException("tokenpay.notification.dedupe-store",
					"is redis but Spring Data Redis is not on the class path",
					"Add spring-boot-starter-data-redis to the application, or set "
							+ "tokenpay.notification.dedupe-store=memory");
		}
		return new InMemoryNotificationDeduplicator(MAX_REMEMBERED_NOTIFICATIONS, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenPayNotificationObservationConvention tokenPayNotificationObservationConvention() {
		return new DefaultTokenPayNotificationObservationConvention();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("tokenpay.notification.enabled")
	@ConditionalOnBean(TokenPayNotificationParser.class)
	TokenPayNotificationDispatcher tokenPayNotificationDispatcher(TokenPayProperties properties,
			TokenPayNotificationParser parser, TokenPayNotificationDeduplicator deduplicator,
			ObjectProvider<TokenPayNotificationHandler> handlers, ApplicationEventPublisher eventPublisher,
			ObjectProvider<ObservationRegistry> observationRegistry,
			TokenPayNotificationObservationConvention observationConvention) {
		TokenPayNotificationDispatcher dispatcher = new TokenPayNotificationDispatcher(parser, deduplicator,
				handlers.orderedStream().toList(), eventPublisher,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				TokenPayPropertiesMapper.dedupeLease(properties), TokenPayPropertiesMapper.dedupeRetention(properties));
		dispatcher.setObservationConvention(observationConvention);
		return dispatcher;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnProperty(name = "tokenpay.notification.dedupe-store", havingValue = "redis")
	static class RedisDeduplicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenPayNotificationDeduplicator tokenPayNotificationDeduplicator(TokenPayProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory redis = connectionFactory.getIfAvailable();
			if (redis == null) {
				throw new InvalidTokenPayPropertyException("tokenpay.notification.dedupe-store",
						"is redis but there is no RedisConnectionFactory bean",
						"Configure Redis with spring.data.redis.* (spring-boot-starter-data-redis), or set "
								+ "tokenpay.notification.dedupe-store=memory");
			}
			return new RedisNotificationDeduplicator(redis, properties.notification().onStoreFailure());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnBooleanProperty("tokenpay.notification.enabled")
	@ConditionalOnBean(TokenPayMerchants.class)
	static class NotificationEndpointConfiguration {

		@Bean
		RouterFunction<ServerResponse> tokenPayNotificationRouter(TokenPayProperties properties,
				TokenPayNotificationDispatcher dispatcher) {
			return RouterFunctions.route()
				.POST(TokenPayPropertiesMapper.notificationPath(properties),
						new TokenPayNotificationEndpoint(dispatcher, properties.notification().maxBodySize().toBytes()))
				.build();
		}

	}

}
