package me.tokenpay.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.wallet.WalletTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code tokenpay.operations.<name>.*}: bound generically, checked against the
 * operation each names, and applied to the declarations the client calls.
 *
 * @author TokenPay Spring Boot team
 */
class OperationPropertiesTests {

	private static final OperationDescriptor<String> APPLICATION_OPERATION = OperationDescriptor
		.post("list-withdrawal-addresses", "/v1/address/list", Idempotency.SAFE, (envelope) -> "addresses");

	@Test
	void withoutPropertiesEveryOperationIsCalledAsDeclared() {
		TokenPayClientSettings settings = settings(Map.of());
		assertThat(settings.operations()).isEmpty();
		BuiltInOperations.all()
			.forEach((operation) -> assertThat(settings.operation(operation)).as(operation.name()).isSameAs(operation));
	}

	@Test
	void aPathIsAppliedToTheOperationItNames() {
		TokenPayClientSettings settings = settings(
				Map.of("tokenpay.operations.cancel-payout.path", "/v1/payout/close"));
		assertThat(settings.operation(PayoutTemplate.CANCEL_PAYOUT).path()).isEqualTo("/v1/payout/close");
		assertThat(settings.operation(PayoutTemplate.CREATE_PAYOUT)).isSameAs(PayoutTemplate.CREATE_PAYOUT);
	}

	@Test
	void getSendsTheParametersOfAReadInTheQueryString() {
		OperationDescriptor<?> query = settings(Map.of("tokenpay.operations.query-payout.method", "get"))
			.operation(PayoutTemplate.QUERY_PAYOUT);
		assertThat(query.method()).isEqualTo(HttpMethod.GET);
		assertThat(query.parameterLocation()).isEqualTo(ParameterLocation.QUERY);
	}

	@Test
	void postKeepsTheDeclaredParameterLocationUnlessOneIsSet() {
		assertThat(settings(Map.of("tokenpay.operations.query-pay-in.method", "post"))
			.operation(PayInTemplate.QUERY_PAY_IN)
			.parameterLocation()).isEqualTo(ParameterLocation.QUERY);
		OperationDescriptor<?> body = settings(Map.of("tokenpay.operations.query-pay-in.parameter-location", "body"))
			.operation(PayInTemplate.QUERY_PAY_IN);
		assertThat(body.method()).isEqualTo(HttpMethod.POST);
		assertThat(body.parameterLocation()).isEqualTo(ParameterLocation.BODY);
		OperationDescriptor<?> post = settings(Map.of("tokenpay.operations.query-wallet.method", "post"))
			.operation(WalletTemplate.QUERY_WALLET);
		assertThat(post.method()).isEqualTo(HttpMethod.POST);
		assertThat(post.parameterLocation()).isEqualTo(ParameterLocation.BODY);
	}

	@Test
	void anOperationOfTheApplicationCanBeChangedToo() {
		TokenPayClientSettings settings = settings(
				Map.of("tokenpay.operations.list-withdrawal-addresses.path", "/v2/address/list"));
		assertThat(settings.operation(APPLICATION_OPERATION).path()).isEqualTo("/v2/address/list");
	}

	@Test
	void anUnknownOperationIsNamedWithTheKnownOnes() {
		assertThatExceptionOfType(InvalidTokenPayPropertyException.class)
			.isThrownBy(() -> settings(Map.of("tokenpay.operations.cancle-payout.path", "/v1/payout/close")))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("tokenpay.operations.cancle-payout");
				assertThat(ex.getMessage()).contains("names no operation");
				assertThat(ex.getAction()).contains("cancel-payout").contains("OperationDescriptor bean");
			});
	}

	@Test
	void theMethodOfAnOperationThatChangesSomethingCannotBeChanged() {
		assertThatExceptionOfType(InvalidTokenPayPropertyException.class)
			.isThrownBy(() -> settings(Map.of("tokenpay.operations.create-payout.method", "get")))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("tokenpay.operations.create-payout.method");
				assertThat(ex.getMessage()).contains("not idempotent");
			});
	}

	@Test
	void getCannotSendABody() {
		assertThatExceptionOfType(InvalidTokenPayPropertyException.class)
			.isThrownBy(() -> settings(Map.of("tokenpay.operations.query-payout.method", "get",
					"tokenpay.operations.query-payout.parameter-location", "body")))
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("tokenpay.operations.query-payout.parameter-location"));
		assertThatExceptionOfType(InvalidTokenPayPropertyException.class)
			.isThrownBy(() -> settings(Map.of("tokenpay.operations.list-currencies.parameter-location", "body")))
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("tokenpay.operations.list-currencies.parameter-location"));
	}

	@Test
	void aPathWithAQueryIsRefusedWithTheDeclaredOneAsExample() {
		assertThatExceptionOfType(InvalidTokenPayPropertyException.class)
			.isThrownBy(() -> settings(Map.of("tokenpay.operations.get-balance.path", "/v1/merchant/balance?x=1")))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("tokenpay.operations.get-balance.path");
				assertThat(ex.getAction()).contains("/v1/merchant/balance");
			});
	}

	@Test
	void everyDeclaredOperationHasAUniqueNameAndPath() {
		assertThat(BuiltInOperations.all()).extracting(OperationDescriptor::name).doesNotHaveDuplicates();
		assertThat(BuiltInOperations.all()).extracting(OperationDescriptor::path).doesNotHaveDuplicates();
		assertThat(BuiltInOperations.named("list-currencies").method()).isEqualTo(HttpMethod.GET);
		assertThat(new OperationOverride(null, null, null).applyTo(PayoutTemplate.QUERY_PAYOUT))
			.isSameAs(PayoutTemplate.QUERY_PAYOUT);
	}

	private static TokenPayClientSettings settings(Map<String, String> values) {
		TokenPayProperties properties = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tokenpay",
				TokenPayProperties.class);
		List<OperationDescriptor<?>> declared = new ArrayList<>(BuiltInOperations.all());
		declared.add(APPLICATION_OPERATION);
		return TokenPayPropertiesMapper.clientSettings(properties)
			.withOperations(TokenPayPropertiesMapper.operationOverrides(properties, declared));
	}

}
