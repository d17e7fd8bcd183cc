package me.tokenpay.spring.autoconfigure;

import java.util.Map;

import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.QueryMethod;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the documented defaults of {@code tokenpay.operations.*} (the properties'
 * defaults, which the configuration metadata and the README's reference repeat) to the
 * operations' declarations, which the client and the mock gateway use.
 *
 * @author TokenPay Spring Boot team
 */
class OperationDefaultsTests {

	private final TokenPayProperties.Operations defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("tokenpay", TokenPayProperties.class)
		.operations();

	@Test
	void everyDocumentedPathIsTheDeclaredOne() {
		Map<String, String> documented = Map.of("create-payout", this.defaults.createPayout().path(), "query-payout",
				this.defaults.queryPayout().path(), "cancel-payout", this.defaults.cancelPayout().path(),
				"create-pay-in", this.defaults.createPayIn().path(), "query-pay-in", this.defaults.queryPayIn().path(),
				"close-pay-in", this.defaults.closePayIn().path(), "list-currencies",
				this.defaults.listCurrencies().path(), "get-balance", this.defaults.getBalance().path());
		documented.forEach((name, path) -> assertThat(BuiltInOperations.named(name).path()).as(name).isEqualTo(path));
	}

	@Test
	void everyDocumentedQueryMethodIsTheDeclaredOne() {
		Map<String, QueryMethod> documented = Map.of("query-payout", this.defaults.queryPayout().method(),
				"query-pay-in", this.defaults.queryPayIn().method(), "get-balance",
				this.defaults.getBalance().method());
		documented.forEach((name, method) -> {
			OperationDescriptor<?> operation = BuiltInOperations.named(name);
			assertThat(operation.method()).as(name).isEqualTo(method.httpMethod());
			assertThat(operation.parameterLocation()).as(name).isEqualTo(method.parameterLocation());
		});
	}

	@Test
	void everyDeclaredOperationHasAUniqueNameAndPath() {
		assertThat(BuiltInOperations.all()).extracting(OperationDescriptor::name).doesNotHaveDuplicates();
		assertThat(BuiltInOperations.all()).extracting(OperationDescriptor::path).doesNotHaveDuplicates();
		assertThat(BuiltInOperations.named("list-currencies").method()).isEqualTo(HttpMethod.GET);
	}

}
