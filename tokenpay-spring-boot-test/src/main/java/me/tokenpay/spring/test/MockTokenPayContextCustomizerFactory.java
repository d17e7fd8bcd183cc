package me.tokenpay.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} behind {@link AutoConfigureMockTokenPay}.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayContextCustomizerFactory implements ContextCustomizerFactory {

	static final String BEAN_NAME = "mockTokenPayServer";

	private static final String PROPERTY_SOURCE = "mockTokenPay";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureMockTokenPay.class)
				? new MockTokenPayContextCustomizer() : null;
	}

	/**
	 * Starts the server and adds it and its properties to the context.
	 */
	private static final class MockTokenPayContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			MockTokenPayServer server = MockTokenPayServer.start();
			context.getBeanFactory().registerSingleton(BEAN_NAME, server);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close());
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.copyOf(server.properties())));
			context.addBeanFactoryPostProcessor(new MerchantsRegistrar(context.getEnvironment(), server));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

	/**
	 * Serves the merchants configured under {@code tokenpay.merchants}, once every
	 * property source of the test (dynamic ones included) is in place and before any
	 * configuration is read: each that has no {@code base-url} of its own gets
	 * credentials of the server's; one with its own gateway is left alone.
	 */
	private static final class MerchantsRegistrar implements BeanDefinitionRegistryPostProcessor {

		private final ConfigurableEnvironment environment;

		private final MockTokenPayServer server;

		MerchantsRegistrar(ConfigurableEnvironment environment, MockTokenPayServer server) {
			this.environment = environment;
			this.server = server;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			Binder.get(this.environment)
				.bind("tokenpay.merchants", Bindable.mapOf(String.class, Object.class))
				.ifBound((merchants) -> merchants.keySet()
					.stream()
					.filter((name) -> !this.environment.containsProperty("tokenpay.merchants." + name + ".base-url"))
					.forEach(this.server::addMerchant));
			this.environment.getPropertySources()
				.replace(PROPERTY_SOURCE, new MapPropertySource(PROPERTY_SOURCE, Map.copyOf(this.server.properties())));
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

}
