package me.tokenpay.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
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
			Binder.get(context.getEnvironment())
				.bind("tokenpay.merchants", Bindable.mapOf(String.class, Object.class))
				.ifBound((merchants) -> merchants.keySet().forEach(server::addMerchant));
			context.getBeanFactory().registerSingleton(BEAN_NAME, server);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close());
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("mockTokenPay", Map.copyOf(server.properties())));
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

}
