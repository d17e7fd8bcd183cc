package me.tokenpay.spring.autoconfigure;

import java.util.Map;

import me.tokenpay.spring.client.TokenPayVersion;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Spring Boot Actuator support of {@link TokenPayAutoConfiguration}: the
 * masked app secret and the opt-in {@link TokenPayInfoContributor}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayActuatorAutoConfigurationTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class, EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, InfoEndpointAutoConfiguration.class,
				InfoContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env,info",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"tokenpay.base-url=https://gateway.example.com", "tokenpay.app-id=a1b2c3d4e5f60718293a4b5c6d7e8f90",
				"tokenpay.mch-id=10000001", "tokenpay.app-secret=" + SECRET);

	@Test
	void masksTheAppSecretInConfigprops() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = tokenPayConfigurationProperties(
					context.getBean(ConfigurationPropertiesReportEndpoint.class));
			assertThat(properties).containsEntry("appSecret", SanitizableData.SANITIZED_VALUE)
				.containsEntry("appId", "a1b2c3d4e5f60718293a4b5c6d7e8f90")
				.containsEntry("mchId", "10000001");
		});
	}

	@Test
	void masksTheAppSecretInEnv() {
		this.contextRunner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(endpoint.environmentEntry("tokenpay.app-secret").getProperty().getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(endpoint.environmentEntry("tokenpay.app-id").getProperty().getValue())
				.isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
		});
	}

	@Test
	void masksTheAppSecretSetAsAnEnvironmentVariable() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("environment", Map.of("TOKENPAY_APP_SECRET", SECRET))))
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				assertThat(endpoint.environment(null).toString()).doesNotContain(SECRET);
				assertThat(endpoint.environmentEntry("TOKENPAY_APP_SECRET").getProperty().getValue())
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			});
	}

	@Test
	void leavesOtherPropertiesAlone() {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("tokenPayAppSecretSanitizingFunction",
					SanitizingFunction.class);
			for (String key : new String[] { "tokenpay.app-id", "tokenpay.secret", "other.tokenpay.app-secret",
					"app-secret" }) {
				assertThat(function.applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue()).as(key)
					.isEqualTo("value");
			}
		});
	}

	@Test
	void infoContributorIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(TokenPayInfoContributor.class);
			assertThat(context.getBean(InfoEndpoint.class).info()).doesNotContainKey("tokenpay");
		});
	}

	@Test
	void infoContributorReportsTheGatewayAndIdsButNeverTheSecret() {
		this.contextRunner.withPropertyValues("management.info.tokenpay.enabled=true").run((context) -> {
			Map<String, Object> info = context.getBean(InfoEndpoint.class).info();
			assertThat(info).containsOnlyKeys("tokenpay");
			assertThat(info.get("tokenpay")).isEqualTo(Map.of("baseUrl", "https://gateway.example.com", "appId",
					"a1b2c3d4e5f60718293a4b5c6d7e8f90", "mchId", "10000001", "version", TokenPayVersion.get()));
			assertThat(info.toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void infoContributorBacksOffForAUserBean() {
		this.contextRunner.withPropertyValues("management.info.tokenpay.enabled=true")
			.withBean("userContributor", TokenPayInfoContributor.class,
					() -> new TokenPayInfoContributor(new Binder(new MapConfigurationPropertySource(
							Map.of("tokenpay.base-url", "https://other.example.com")))
						.bindOrCreate("tokenpay", TokenPayProperties.class)))
			.run((context) -> assertThat(context).getBeans(TokenPayInfoContributor.class)
				.containsOnlyKeys("userContributor"));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(InfoContributor.class, SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TokenPayInfoContributor.class)
				.doesNotHaveBean("tokenPayAppSecretSanitizingFunction"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tokenPayConfigurationProperties(ConfigurationPropertiesReportEndpoint endpoint) {
		ConfigurationPropertiesBeanDescriptor bean = endpoint.configurationPropertiesWithPrefix("tokenpay")
			.getContexts()
			.values()
			.iterator()
			.next()
			.getBeans()
			.values()
			.iterator()
			.next();
		return bean.getProperties();
	}

}
