package me.tokenpay.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayRenamedPropertiesPostProcessor}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRenamedPropertiesPostProcessorTests {

	@Test
	void theValueOfAnOldNameIsBoundUnderItsNewName() {
		StandardEnvironment environment = environment(Map.of("tokenpay.cancel-payout.payout-id-field", "payanother_id",
				"tokenpay.operations.close-pay-in.not-closable-codes[0]", "20005",
				"tokenpay.operations.close-pay-in.not-closable-codes[1]", "20006",
				"tokenpay.operations.query-pay-in.id-location", "body"));
		TokenPayProperties properties = Binder.get(environment).bindOrCreate("tokenpay", TokenPayProperties.class);
		assertThat(properties.payout().payoutIdField()).isEqualTo("payanother_id");
		assertThat(properties.payIn().notClosableCodes()).containsExactlyInAnyOrder(20005, 20006);
		assertThat(properties.operationOverrides().get("query-pay-in").parameterLocation()).hasToString("BODY");
	}

	@Test
	void theNewNameWinsOverTheOldOne() {
		StandardEnvironment environment = environment(Map.of("tokenpay.operations.cancel-payout.payout-id-field",
				"payanother_id", "tokenpay.payout.payout-id-field", "payout_id"));
		TokenPayProperties properties = Binder.get(environment).bindOrCreate("tokenpay", TokenPayProperties.class);
		assertThat(properties.payout().payoutIdField()).isEqualTo("payout_id");
	}

	@Test
	void theFirstOfTwoOldNamesOfOneNewNameWins() {
		StandardEnvironment environment = environment(Map.of("tokenpay.cancel-payout.not-open-codes", "1",
				"tokenpay.operations.cancel-payout.not-open-codes", "2"));
		TokenPayProperties properties = Binder.get(environment).bindOrCreate("tokenpay", TokenPayProperties.class);
		assertThat(properties.payout().notOpenCodes()).containsExactly(1);
	}

	@Test
	void withoutOldNamesNothingIsAdded() {
		StandardEnvironment environment = environment(Map.of("tokenpay.payout.payout-id-field", "payanother_id"));
		assertThat(
				environment.getPropertySources().contains(TokenPayRenamedPropertiesPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(EnvironmentPostProcessor.class, ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs())))
			.hasAtLeastOneElementOfType(TokenPayRenamedPropertiesPostProcessor.class);
	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		new TokenPayRenamedPropertiesPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}
