package me.tokenpay.spring.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import me.tokenpay.spring.client.TokenPayTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the start-up failures of {@link TokenPayAutoConfiguration}: every unusable
 * {@code tokenpay.*} property stops the context with an
 * {@link InvalidTokenPayPropertyException} that names it, reported by
 * {@link InvalidTokenPayPropertyFailureAnalyzer}, and the app secret is never printed.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenPayAutoConfigurationFailureTests {

	private static final String SECRET = LoopbackGateway.APP_SECRET;

	static Stream<Arguments> invalidProperties() {
		return Stream.of(Arguments.of("tokenpay.app-id", null), Arguments.of("tokenpay.app-id", "  "),
				Arguments.of("tokenpay.mch-id", null), Arguments.of("tokenpay.mch-id", ""),
				Arguments.of("tokenpay.app-secret", null), Arguments.of("tokenpay.app-secret", " "),
				Arguments.of("tokenpay.app-secret", SECRET.substring(1)),
				Arguments.of("tokenpay.app-secret", SECRET + "w"),
				Arguments.of("tokenpay.app-secret", "\u00e9" + SECRET.substring(1)),
				Arguments.of("tokenpay.base-url", "http://api.tokenpay.me"),
				Arguments.of("tokenpay.base-url", "http://127.attacker.example"),
				Arguments.of("tokenpay.base-url", "http://localhost.attacker.example"),
				Arguments.of("tokenpay.base-url", "ftp://api.tokenpay.me"), Arguments.of("tokenpay.base-url", "/v1"),
				Arguments.of("tokenpay.base-url", "api.tokenpay.me"), Arguments.of("tokenpay.base-url", "not a url"),
				Arguments.of("tokenpay.base-url", "https://"),
				Arguments.of("tokenpay.base-url", "https://api.tokenpay.me?debug=1"),
				Arguments.of("tokenpay.base-url", "https://api.tokenpay.me#top"),
				Arguments.of("tokenpay.operations.create-payout.method", "get"),
				Arguments.of("tokenpay.operations.list-currencies.parameter-location", "body"),
				Arguments.of("tokenpay.operations.create-payout.path", "v1/payanother/payment"),
				Arguments.of("tokenpay.operations.query-payout.path", "/v1/payanother/query?x=1"),
				Arguments.of("tokenpay.operations.cancel-payout.path", "/v1/pay another/close"),
				Arguments.of("tokenpay.payout.payout-id-field", " "),
				Arguments.of("tokenpay.payout.resolve-attempts", "11"),
				Arguments.of("tokenpay.payout.resolve-attempts", "-1"),
				Arguments.of("tokenpay.payout.resolve-delay", "-1s"), Arguments.of("tokenpay.connect-timeout", "0"),
				Arguments.of("tokenpay.connect-timeout", "-1s"), Arguments.of("tokenpay.read-timeout", "0s"),
				Arguments.of("tokenpay.read-timeout", "-5s"),
				Arguments.of("tokenpay.signature.response-tolerance", "0s"),
				Arguments.of("tokenpay.signature.response-tolerance", "-1m"),
				Arguments.of("tokenpay.max-response-size", "0"), Arguments.of("tokenpay.max-response-size", "-1B"),
				Arguments.of("tokenpay.app-id", "${TOKENPAY_APP_ID}"), Arguments.of("tokenpay.app-id", "app-1"),
				Arguments.of("tokenpay.app-id", "8e4b8c2e7c0000001a1cbd3d59e0bd"),
				Arguments.of("tokenpay.app-id", "8e4b8c2e7c0000001a1cbd3d59e0bdzz"),
				Arguments.of("tokenpay.mch-id", "${TOKENPAY_MCH_ID}"), Arguments.of("tokenpay.mch-id", "mch-1"),
				Arguments.of("tokenpay.app-secret", "${TOKENPAY_APP_SECRET}"),
				Arguments.of("tokenpay.base-url", "${TOKENPAY_BASE_URL}"),
				Arguments.of("tokenpay.rate-limit.instances", "0"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "tokenpay.app-id", "tokenpay.mch-id", "tokenpay.app-secret" })
	void anUnresolvedPlaceholderIsNamedWithItsVariable(String property) {
		String variable = "TOKENPAY_UNSET_" + property.substring(9).replace('-', '_').toUpperCase(Locale.ROOT);
		contextRunner(property, "${" + variable + "}").run((context) -> {
			FailureAnalysis analysis = analyzeWithRegisteredAnalyzers(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(property)
				.contains("placeholder ${" + variable + "}")
				.contains("nothing resolved")
				.doesNotContain("32 UTF-8 bytes");
			assertThat(analysis.getAction()).contains("environment variable " + variable);
		});
	}

	@Test
	void anAppIdOfTheWrongShapeIsDescribedWithoutItsValue() {
		contextRunner("tokenpay.app-id", "not-an-app-id").run((context) -> {
			FailureAnalysis analysis = analyzeWithRegisteredAnalyzers(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("tokenpay.app-id")
				.contains("must be 32 hexadecimal characters")
				.contains("13 characters including other than letters and digits");
		});
	}

	@ParameterizedTest(name = "{0}=[{1}]")
	@MethodSource("invalidProperties")
	void invalidPropertyStopsTheContextAndIsNamed(String property, String value) {
		contextRunner(property, value).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidTokenPayPropertyException cause = findCause(failure);
			assertThat(cause).as("InvalidTokenPayPropertyException in the cause chain of %s", failure).isNotNull();
			assertThat(cause.getProperty()).isEqualTo(property);
			assertThat(cause.getMessage()).contains(property);
			FailureAnalysis analysis = new InvalidTokenPayPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).contains(property);
			assertThat(analysis.getCause()).isSameAs(cause);
			String text = stackTrace(failure) + analysis.getDescription() + analysis.getAction();
			assertThat(text).doesNotContain(SECRET);
			if (property.equals("tokenpay.app-secret") && value != null && !value.isBlank()
					&& !value.startsWith("${")) {
				assertThat(text).doesNotContain(value);
			}
		});
	}

	@ParameterizedTest(name = "{0}=[{1}]")
	@MethodSource("invalidProperties")
	void invalidPropertyIsReportedByTheRegisteredFailureAnalyzer(String property, String value) {
		contextRunner(property, value).run((context) -> {
			FailureAnalysis analysis = analyzeWithRegisteredAnalyzers(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getCause()).isInstanceOf(InvalidTokenPayPropertyException.class);
			assertThat(analysis.getAction()).contains(property);
		});
	}

	@Test
	void failureAnalyzerIsRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = loadFailureAnalyzers();
		assertThat(analyzers).filteredOn(InvalidTokenPayPropertyFailureAnalyzer.class::isInstance).hasSize(1);
	}

	@Test
	void failedApplicationReportsThePropertyWithoutTheSecret(CapturedOutput output) {
		SpringApplication application = new SpringApplication(TokenPayApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String badSecret = "\u00e9" + SECRET.substring(1);
		assertThatException().isThrownBy(() -> application.run("--tokenpay.app-id=a1b2c3d4e5f60718293a4b5c6d7e8f90",
				"--tokenpay.mch-id=10000001", "--tokenpay.app-secret=" + badSecret, "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'tokenpay.app-secret' must be exactly 32 UTF-8 bytes")
			.contains("Set tokenpay.app-secret")
			.doesNotContain(badSecret);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "http://localhost", "http://localhost:8080", "http://LOCALHOST:8080/prefix", "http://127.0.0.1",
					"http://127.0.0.1:8080", "http://127.1.2.3:8080", "http://[::1]:8080", "https://api.tokenpay.me",
					"https://api.tokenpay.me/", "https://api.ttpay.io/prefix", "HTTPS://api.tokenpay.me" })
	void acceptedBaseUrls(String baseUrl) {
		contextRunner("tokenpay.base-url", baseUrl).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(TokenPayTemplate.class);
		});
	}

	@Test
	void secretOfThirtyTwoUtf8BytesWithAMultiByteCharacterIsAccepted() {
		String secret = "\u00e9" + SECRET.substring(2);
		assertThat(secret).hasSize(31);
		contextRunner("tokenpay.app-secret", secret).run((context) -> assertThat(context).hasNotFailed());
	}

	private static ApplicationContextRunner contextRunner(String property, String value) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("tokenpay.base-url", "https://api.tokenpay.me");
		properties.put("tokenpay.app-id", LoopbackGateway.APP_ID);
		properties.put("tokenpay.mch-id", LoopbackGateway.MCH_ID);
		properties.put("tokenpay.app-secret", SECRET);
		if (value != null) {
			properties.put(property, value);
		}
		else {
			properties.remove(property);
		}
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new));
	}

	private static InvalidTokenPayPropertyException findCause(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof InvalidTokenPayPropertyException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static String stackTrace(Throwable failure) {
		StringWriter writer = new StringWriter();
		failure.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

	private static List<FailureAnalyzer> loadFailureAnalyzers() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, new StandardEnvironment())
			.and(BeanFactory.class, beanFactory)
			.and(ConfigurableListableBeanFactory.class, beanFactory);
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(TokenPayAutoConfigurationFailureTests.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, failure) -> {
			}));
		AnnotationAwareOrderComparator.sort(analyzers);
		return analyzers;
	}

	private static FailureAnalysis analyzeWithRegisteredAnalyzers(Throwable failure) {
		return loadFailureAnalyzers().stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TokenPayAutoConfiguration.class)
	static class TokenPayApplication {

	}

}
