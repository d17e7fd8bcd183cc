package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayClientObservationContext;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.payin.PayInOperations;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutOperations;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.client.wallet.WalletOperations;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Tests for {@link TokenPayAutoConfiguration}: its conditions, the beans a user may
 * replace, and its use of Boot's HTTP client infrastructure.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayAutoConfigurationTests {

	private final LoopbackGateway gateway = new LoopbackGateway();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties());

	private final ApplicationContextRunner bootContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class));

	@AfterEach
	void closeGateway() {
		this.gateway.close();
	}

	@Test
	void isListedInAutoConfigurationImports() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(TokenPayAutoConfiguration.class.getName());
	}

	@Test
	void ordersAfterBootRestClientObservationAndRedisAutoConfigurations() {
		String[] afterNames = TokenPayAutoConfiguration.class.getAnnotation(AutoConfiguration.class).afterName();
		assertThat(afterNames).containsExactlyInAnyOrder(RestClientAutoConfiguration.class.getName(),
				ObservationAutoConfiguration.class.getName(), DataRedisAutoConfiguration.class.getName());
	}

	@Test
	void createsBeansWithValidProperties() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(TokenPayProperties.class);
			assertThat(context).hasSingleBean(TokenPayTemplate.class);
			assertThat(context).hasSingleBean(TokenPayOperations.class);
			assertThat(context).getBean(AuthorizationSigner.class).isInstanceOf(TtpayAuthorizationSigner.class);
			assertThat(context).getBean(TokenPayClientObservationConvention.class)
				.isInstanceOf(DefaultTokenPayClientObservationConvention.class);
		});
	}

	@Test
	void defaultBeansCallTheGateway() {
		this.gateway.enqueueSuccess();
		this.contextRunner.run((context) -> {
			CancelPayoutResponse response = context.getBean(TokenPayOperations.class).cancelPayout("P1");
			assertThat(response.code()).isZero();
			assertThat(response.requestId()).isEqualTo("f23ade4a-e5ca-48f4-a4bb-59114ac360ba");
			RecordedRequest request = this.gateway.takeRequest();
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getTarget()).isEqualTo("/v1/payanother/close");
			assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
			LoopbackGateway.assertSigned(request, LoopbackGateway.APP_SECRET);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("tokenpay.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TokenPayProperties.class);
			assertThat(context).doesNotHaveBean(TokenPayOperations.class);
			assertThat(context).doesNotHaveBean(AuthorizationSigner.class);
			assertThat(context).doesNotHaveBean(TokenPayClientObservationConvention.class);
		});
	}

	@Test
	void backsOffWhenDisabledEvenWithoutCredentials() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues("tokenpay.enabled=false", "tokenpay.base-url=ftp://example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenPayOperations.class);
			});
	}

	@Test
	void isEnabledWhenEnabledIsTrue() {
		this.contextRunner.withPropertyValues("tokenpay.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(TokenPayTemplate.class));
	}

	@Test
	void backsOffWithoutRestClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClient.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TokenPayProperties.class);
			assertThat(context).doesNotHaveBean(TokenPayOperations.class);
			assertThat(context).doesNotHaveBean(AuthorizationSigner.class);
		});
	}

	@Test
	void backsOffWithoutBootHttpClientSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ClientHttpRequestFactoryBuilder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenPayOperations.class);
			});
	}

	@Test
	void userAuthorizationSignerReplacesDefaultAndSignsCalls() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withUserConfiguration(CustomSignerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AuthorizationSigner.class);
			assertThat(context).getBean(AuthorizationSigner.class)
				.isSameAs(context.getBean(CustomSignerConfiguration.class).signer);
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			RecordedRequest request = this.gateway.takeRequest();
			assertThat(request.getHeaders().get("Authorization"))
				.isEqualTo("Custom POST /v1/payanother/close " + LoopbackGateway.body(request));
		});
	}

	@Test
	void userTokenPayOperationsReplacesTemplate() {
		this.contextRunner.withUserConfiguration(CustomOperationsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TokenPayOperations.class);
			assertThat(context).doesNotHaveBean(TokenPayTemplate.class);
			assertThat(context).doesNotHaveBean(AuthorizationSigner.class);
			assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").msg()).isEqualTo("stub");
			assertThat(this.gateway.requestCount()).isZero();
		});
	}

	@Test
	void userTokenPayOperationsNeedsNoCredentials() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withUserConfiguration(CustomOperationsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").msg()).isEqualTo("stub");
			});
	}

	@Test
	void userTokenPayTemplateReplacesTemplate() {
		this.contextRunner.withUserConfiguration(CustomTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TokenPayOperations.class);
			assertThat(context).getBean(TokenPayTemplate.class)
				.isSameAs(context.getBean(CustomTemplateConfiguration.class).template);
		});
	}

	@Test
	void userObservationConventionReplacesDefaultAndIsUsed() {
		this.gateway.enqueueSuccess();
		this.contextRunner
			.withUserConfiguration(ObservationRegistryConfiguration.class, CustomConventionConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenPayClientObservationConvention.class);
				assertThat(context).getBean(TokenPayClientObservationConvention.class)
					.isInstanceOf(CustomConvention.class);
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				assertThat(registry).hasObservationWithNameEqualTo("custom.tokenpay")
					.that()
					.hasLowCardinalityKeyValue("custom", "yes");
				assertThat(registry).hasNumberOfObservationsWithNameEqualTo("tokenpay.client.requests", 0);
			});
	}

	@Test
	void observesTokenPayAndHttpClientRequests() {
		this.gateway.enqueueSuccess();
		this.bootContextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class))
			.withUserConfiguration(ObservationRegistryConfiguration.class)
			.run((context) -> {
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				assertThat(registry).hasObservationWithNameEqualTo("tokenpay.client.requests")
					.that()
					.hasLowCardinalityKeyValue("operation", "cancel-payout")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("code", "0")
					.hasHighCardinalityKeyValue("tokenpay.resource.id", "P1");
				assertThat(registry).hasObservationWithNameEqualTo("http.client.requests")
					.that()
					.hasLowCardinalityKeyValue("method", "POST")
					.hasLowCardinalityKeyValue("status", "200");
			});
	}

	@Test
	void usesBootRestClientBuilderWithItsCustomizers() {
		this.gateway.enqueueSuccess();
		this.bootContextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			assertThat(this.gateway.takeRequest().getHeaders().get("X-Customized")).isEqualTo("yes");
		});
	}

	@Test
	void doesNotChangeAUserRestClientBuilder() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withUserConfiguration(SharedBuilderConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TokenPayTemplate.class);
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			assertThatRuntimeException().isThrownBy(() -> restClient.get().uri("/other").retrieve().toBodilessEntity());
			assertThat(this.gateway.requestCount()).isZero();
		});
	}

	@Test
	void givesTheJdkClientAPoolOfReusedDaemonThreads() {
		this.gateway.enqueueSuccess();
		this.gateway.enqueueSuccess();
		this.bootContextRunner.withPropertyValues("spring.http.clients.imperative.factory=jdk").run((context) -> {
			TokenPayOperations operations = context.getBean(TokenPayOperations.class);
			operations.cancelPayout("P1");
			operations.cancelPayout("P2");
			ThreadPoolExecutor executor = context.getBean(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME,
					ThreadPoolExecutor.class);
			assertThat(executor.getCompletedTaskCount()).isPositive();
			assertThat(executor.getLargestPoolSize()).isLessThan((int) executor.getCompletedTaskCount());
			List<Thread> threads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().startsWith("tokenpay-http-"))
				.toList();
			assertThat(threads).isNotEmpty().allMatch(Thread::isDaemon);
		});
	}

	@Test
	void shutsThePoolDownWhenTheContextCloses() {
		this.gateway.enqueueSuccess();
		ExecutorService[] executor = new ExecutorService[1];
		this.contextRunner.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.run((context) -> {
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				executor[0] = context.getBean(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME, ExecutorService.class);
				assertThat(executor[0].isShutdown()).isFalse();
			});
		assertThat(executor[0].isShutdown()).isTrue();
	}

	@Test
	void usesHttpComponentsByDefaultWithoutTheJdkClientsPool() {
		this.gateway.enqueueSuccess();
		this.bootContextRunner.run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
				.isInstanceOf(HttpComponentsClientHttpRequestFactoryBuilder.class);
			assertThat(context.getBeanFactory().containsSingleton(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME))
				.isFalse();
		});
	}

	@Test
	void poolIsNotCreatedForOtherClientsNorInjectedByType() {
		this.contextRunner.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::simple)
			.withBean(ExecutorConsumer.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenPayTemplate.class);
				assertThat(
						context.getBeanFactory().containsSingleton(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME))
					.isFalse();
				assertThat(context.getBean(ExecutorConsumer.class).executor).isNull();
			});
	}

	@Test
	void userExecutorReplacesThePool() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.withUserConfiguration(CustomHttpExecutorConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ThreadPoolExecutor.class);
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				assertThat(context.getBean(CustomHttpExecutorConfiguration.class).tasks).hasPositiveValue();
			});
	}

	static class ExecutorConsumer {

		@Autowired(required = false)
		@Nullable Executor executor;

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHttpExecutorConfiguration {

		final AtomicInteger tasks = new AtomicInteger();

		@Bean(TokenPayAutoConfiguration.HTTP_EXECUTOR_BEAN_NAME)
		Executor customHttpExecutor() {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("custom-http-");
			return (task) -> {
				this.tasks.incrementAndGet();
				executor.execute(task);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomSignerConfiguration {

		final AuthorizationSigner signer = (method, path, body) -> "Custom " + method + " " + path + " "
				+ new String(body, StandardCharsets.UTF_8);

		@Bean
		AuthorizationSigner customSigner() {
			return this.signer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomOperationsConfiguration {

		@Bean
		TokenPayOperations customOperations() {
			return new StubOperations();
		}

	}

	static class StubOperations implements TokenPayOperations {

		@Override
		public PayoutOperations payouts() {
			return new PayoutOperations() {

				@Override
				public Payout create(CreatePayoutRequest request) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Payout get(PayoutQuery query) {
					throw new UnsupportedOperationException();
				}

				@Override
				public CancelPayoutResponse cancel(CancelPayoutRequest request) {
					return new CancelPayoutResponse(0, "stub", null);
				}

			};
		}

		@Override
		public PayInOperations payIns() {
			throw new UnsupportedOperationException();
		}

		@Override
		public WalletOperations wallets() {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Currency> currencies() {
			return List.of();
		}

		@Override
		public Balance balance(Chain chain, String currency) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> T execute(OperationDescriptor<T> operation, OperationRequest request) {
			throw new UnsupportedOperationException();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTemplateConfiguration {

		final TokenPayTemplate template;

		CustomTemplateConfiguration() {
			TokenPayCredentials credentials = new TokenPayCredentials(LoopbackGateway.APP_ID, LoopbackGateway.MCH_ID,
					LoopbackGateway.APP_SECRET);
			this.template = TokenPayTemplate.builder()
				.settings(TokenPayClientSettings.defaults(URI.create("https://api.tokenpay.me")))
				.credentials(credentials)
				.verifier(new ResponseVerifier(new SignatureCipher(LoopbackGateway.APP_SECRET),
						ResponseSignatureMode.OFF, Duration.ofMinutes(5), Clock.systemUTC()))
				.build();
		}

		@Bean
		TokenPayTemplate customTemplate() {
			return this.template;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationRegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventionConfiguration {

		@Bean
		TokenPayClientObservationConvention customConvention() {
			return new CustomConvention();
		}

	}

	static class CustomConvention implements TokenPayClientObservationConvention {

		@Override
		public String getName() {
			return "custom.tokenpay";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(TokenPayClientObservationContext context) {
			return KeyValues.of("custom", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		RestClientCustomizer headerCustomizer() {
			return (builder) -> builder.defaultHeader("X-Customized", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedBuilderConfiguration {

		@Bean
		RestClient.Builder sharedRestClientBuilder() {
			return RestClient.builder();
		}

	}

}
