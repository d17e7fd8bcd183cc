package me.tokenpay.spring.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.autoconfigure.TokenPayPropertiesMapper.RateLimitSettings;
import me.tokenpay.spring.autoconfigure.actuate.TokenPayActivity;
import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.audit.LoggingTokenPayAuditSink;
import me.tokenpay.spring.client.audit.TokenPayAudit;
import me.tokenpay.spring.client.audit.TokenPayAuditSink;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.merchant.TokenPayMerchantRepository;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.ratelimit.JdbcTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.jdbc.TablePrefix;
import me.tokenpay.spring.journal.PayoutJournal;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/**
 * {@link AutoConfiguration Auto-configuration} for the TokenPay client: a
 * {@link TokenPayTemplate} built from Boot's {@link RestClient.Builder} (so
 * {@code spring.http.clients.*}, SSL bundles and {@code http.client.requests} apply),
 * with the {@code tokenpay.*} timeouts on top and redirects never followed.
 * <p>
 * With Spring Boot Actuator, {@code tokenpay.app-secret} is masked in the
 * {@code configprops} and {@code env} endpoints even when they show values, and a
 * {@link TokenPayInfoContributor} can be turned on with
 * {@code management.info.tokenpay.enabled=true}.
 * <p>
 * When the request factory is the JDK {@code HttpClient}'s, the client gets the
 * {@value #HTTP_EXECUTOR_BEAN_NAME} executor: a pool of reused daemon threads named
 * {@code tokenpay-http-*}, owned and shut down by the application context. Without it,
 * Spring's {@code JdkClientHttpRequestFactory} starts a new thread to write every request
 * body. Define a bean of that name (any {@link Executor}) to use another executor.
 *
 * @author TokenPay Spring Boot team
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = "tokenpay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TokenPayProperties.class)
public final class TokenPayAutoConfiguration {

	/**
	 * Name of the executor bean given to the JDK {@code HttpClient}.
	 */
	public static final String HTTP_EXECUTOR_BEAN_NAME = "tokenPayHttpExecutor";

	/**
	 * Name of the HTTP request factory bean of the TokenPay templates.
	 */
	public static final String REQUEST_FACTORY_BEAN_NAME = "tokenPayClientHttpRequestFactory";

	/**
	 * A cached pool: it grows with concurrent exchanges rather than queueing them, as a
	 * body write blocks until the client asks for the bytes, and idle threads end after
	 * 60 s. A plain {@link ExecutorService} whose {@code shutdown} is the inferred
	 * destroy method, rather than a {@code ThreadPoolTaskExecutor}: that one pauses on
	 * lifecycle stop and shuts down on the context-closed event, both before a web
	 * server's graceful shutdown lets in-flight requests, and their TokenPay calls,
	 * finish. Not a default candidate, so it is never injected by type or taken for the
	 * application's executor; lazy, so it exists only when the JDK client is used.
	 * @return the executor
	 */
	@Bean(name = HTTP_EXECUTOR_BEAN_NAME, defaultCandidate = false)
	@Lazy
	@ConditionalOnMissingBean(name = HTTP_EXECUTOR_BEAN_NAME)
	ExecutorService tokenPayHttpExecutor() {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("tokenpay-http-");
		threadFactory.setDaemon(true);
		return Executors.newCachedThreadPool(threadFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenPayMerchantRepository tokenPayMerchantRepository(TokenPayProperties properties) {
		return () -> TokenPayPropertiesMapper.merchants(properties);
	}

	@Bean
	@ConditionalOnMissingBean({ AuthorizationSigner.class, TokenPayOperations.class })
	AuthorizationSigner tokenPayAuthorizationSigner(TokenPayProperties properties, TokenPayMerchants merchants) {
		TokenPayMerchant merchant = Objects.requireNonNull(merchants.merchant(merchants.defaultName()));
		return TokenPayTemplateFactory.signer(properties, merchant.credentials());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenPayClientObservationConvention tokenPayClientObservationConvention() {
		return new DefaultTokenPayClientObservationConvention();
	}

	/**
	 * The HTTP request factory of every merchant's template: a bean so that the context
	 * closes it (and its connection pool) on shutdown; not a default candidate, so that
	 * it is never injected by type elsewhere.
	 * @param properties the TokenPay properties
	 * @param requestFactoryBuilder the application's request factory builder, if any
	 * @param httpClientSettings the application's HTTP client settings, if any
	 * @param httpExecutor the executor of the JDK {@code HttpClient}
	 * @param resourceLoader the resource loader whose class loader detects the factory
	 * @return the request factory
	 */
	@Bean(name = REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(value = TokenPayOperations.class, name = REQUEST_FACTORY_BEAN_NAME)
	ClientHttpRequestFactory tokenPayClientHttpRequestFactory(TokenPayProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			@Qualifier(HTTP_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> httpExecutor, ResourceLoader resourceLoader) {
		TokenPayPropertiesMapper.clientSettings(properties);
		HttpClientSettings httpSettings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.connectTimeout(), properties.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdkBuilder) {
			factoryBuilder = jdkBuilder.withExecutor(httpExecutor.getObject());
		}
		else if (factoryBuilder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponentsBuilder) {
			factoryBuilder = HttpComponentsPool.configure(httpComponentsBuilder);
		}
		return factoryBuilder.build(httpSettings);
	}

	@Bean
	@ConditionalOnMissingBean({ TokenPayMerchants.class, TokenPayOperations.class })
	TokenPayMerchants tokenPayMerchants(TokenPayProperties properties, TokenPayMerchantRepository merchantRepository,
			ObjectProvider<AuthorizationSigner> signer, TokenPayClientObservationConvention observationConvention,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<TokenPayRateLimiter> rateLimiter,
			ObjectProvider<OperationDescriptor<?>> applicationOperations, TokenPayActivity activity,
			ObjectProvider<TokenPayAuditSink> auditSinks) {
		List<OperationDescriptor<?>> operations = new ArrayList<>(BuiltInOperations.all());
		applicationOperations.orderedStream().forEach(operations::add);
		TokenPayClientSettings clientSettings = TokenPayPropertiesMapper.clientSettings(properties)
			.withOperations(TokenPayPropertiesMapper.operationOverrides(properties, operations));
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder)
			.clone()
			.requestFactory(requestFactory);
		TokenPayRateLimiter limiter = rateLimiter.getIfAvailable();
		TokenPayTemplateFactory factory = new TokenPayTemplateFactory(properties, clientSettings, builder,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), observationConvention,
				(limiter != null) ? activity.measured(limiter) : null, audit(properties, auditSinks));
		return new TokenPayMerchants(merchantRepository,
				(names) -> TokenPayPropertiesMapper.defaultMerchant(properties, names),
				(merchant, isDefault) -> factory.create(merchant, isDefault ? signer.getIfAvailable() : null));
	}

	private static @Nullable TokenPayAudit audit(TokenPayProperties properties,
			ObjectProvider<TokenPayAuditSink> auditSinks) {
		if (!properties.audit().enabled()) {
			return null;
		}
		List<TokenPayAuditSink> sinks = auditSinks.orderedStream().toList();
		TokenPayAuditSink sink = sinks.isEmpty() ? new LoggingTokenPayAuditSink()
				: (record) -> sinks.forEach((each) -> each.record(record));
		return new TokenPayAudit(sink, properties.audit().includeBodies());
	}

	/**
	 * The activity of the client since start, which the {@code tokenpay} actuator
	 * endpoint reports; an {@link io.micrometer.observation.ObservationHandler} of
	 * notification deliveries.
	 * @return the activity
	 */
	@Bean
	@ConditionalOnMissingBean
	TokenPayActivity tokenPayActivity() {
		return new TokenPayActivity(System::nanoTime, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(TokenPayOperations.class)
	TokenPayTemplate tokenPayTemplate(TokenPayMerchants merchants) {
		if (!(merchants.get(merchants.defaultName()) instanceof TokenPayTemplate template)) {
			throw new IllegalStateException("The TokenPayMerchants bean does not build a TokenPayTemplate for "
					+ merchants.defaultName() + "; define a TokenPayOperations bean too");
		}
		return template;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "tokenpay.rate-limit.enabled", matchIfMissing = true)
	TokenPayRateLimiter tokenPayRateLimiter(TokenPayProperties properties) {
		if (properties.rateLimit().store() == TokenPayProperties.RateLimit.Store.REDIS) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.store",
					"is redis but Spring Data Redis is not on the class path",
					"Add spring-boot-starter-data-redis to the application, or set tokenpay.rate-limit.store=local");
		}
		if (properties.rateLimit().store() == TokenPayProperties.RateLimit.Store.JDBC) {
			throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.store",
					"is jdbc but Spring JDBC is not on the class path",
					"Add spring-boot-starter-jdbc to the application, or set tokenpay.rate-limit.store=local");
		}
		RateLimitSettings settings = TokenPayPropertiesMapper.rateLimit(properties);
		return new LocalTokenPayRateLimiter(settings.permits(), settings.window(), settings.maxWait());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBooleanProperty(name = "tokenpay.rate-limit.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "tokenpay.rate-limit.store", havingValue = "redis")
	static class RedisRateLimiterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenPayRateLimiter tokenPayRateLimiter(TokenPayProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			RedisConnectionFactory redis = connectionFactory.getIfAvailable();
			if (redis == null) {
				throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.store",
						"is redis but there is no RedisConnectionFactory bean",
						"Configure Redis with spring.data.redis.* (spring-boot-starter-data-redis), or set "
								+ "tokenpay.rate-limit.store=local");
			}
			RedisTokenPayRateLimiter limiter = new RedisTokenPayRateLimiter(redis,
					TokenPayPropertiesMapper.redisRateLimit(properties),
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
			limiter.warmUp();
			return limiter;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer")
	@ConditionalOnBooleanProperty(name = "tokenpay.rate-limit.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "tokenpay.rate-limit.store", havingValue = "jdbc")
	static class JdbcRateLimiterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		TokenPayRateLimiter tokenPayRateLimiter(TokenPayProperties properties, ObjectProvider<DataSource> dataSource,
				Environment environment) {
			DataSource database = dataSource.getIfAvailable();
			if (database == null) {
				throw new InvalidTokenPayPropertyException("tokenpay.rate-limit.store",
						"is jdbc but there is no DataSource bean",
						"Configure the application's database with spring.datasource.*, or set "
								+ "tokenpay.rate-limit.store=local");
			}
			RateLimitSettings settings = TokenPayPropertiesMapper.rateLimit(properties);
			String prefix = Binder.get(environment)
				.bind("tokenpay.journal.jdbc.table-prefix", String.class)
				.orElse(TablePrefix.DEFAULT);
			return new JdbcTokenPayRateLimiter(database, TokenPayPropertiesMapper.tablePrefix(prefix),
					settings.permits(), settings.window(), settings.maxWait(),
					TokenPayPropertiesMapper.lease(properties), System::nanoTime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class TokenPayActuatorConfiguration {

		private static final String TOKENPAY = "tokenpay";

		private static final String APP_SECRET = "appsecret";

		@Bean
		@ConditionalOnMissingBean(name = "tokenPayAppSecretSanitizingFunction")
		SanitizingFunction tokenPayAppSecretSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(TokenPayActuatorConfiguration::isAppSecret);
		}

		private static boolean isAppSecret(String key) {
			String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			return normalized.startsWith(TOKENPAY) && normalized.endsWith(APP_SECRET);
		}

	}

	/**
	 * Fails the start-up when the payout journal is enabled but could not be configured,
	 * rather than leaving an application that believes its payouts are journaled.
	 * @param journal the journal, if it was configured
	 * @return the check
	 */
	@Bean
	@ConditionalOnBooleanProperty("tokenpay.journal.enabled")
	static SmartInitializingSingleton tokenPayJournalRequirement(ObjectProvider<PayoutJournal> journal) {
		return () -> {
			if (journal.getIfAvailable() == null) {
				throw new InvalidTokenPayPropertyException("tokenpay.journal.enabled",
						"is true but there is no DataSource bean or no Spring JDBC on the class path",
						"Add spring-boot-starter-jdbc and configure spring.datasource.*, or set "
								+ "tokenpay.journal.enabled=false");
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
	static class TokenPayInfoContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnEnabledInfoContributor(value = "tokenpay", fallback = InfoContributorFallback.DISABLE)
		TokenPayInfoContributor tokenPayInfoContributor(TokenPayProperties properties) {
			return new TokenPayInfoContributor(properties);
		}

	}

}
