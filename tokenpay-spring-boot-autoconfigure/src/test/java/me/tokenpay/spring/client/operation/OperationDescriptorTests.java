package me.tokenpay.spring.client.operation;

import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.payout.PayoutTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OperationDescriptor} and the payout descriptors.
 *
 * @author TokenPay Spring Boot team
 */
class OperationDescriptorTests {

	@Test
	void payoutDescriptorsDescribeTheirOperations() {
		assertThat(PayoutTemplate.CREATE_PAYOUT).satisfies((create) -> {
			assertThat(create.name()).isEqualTo("create-payout");
			assertThat(create.method()).isEqualTo(HttpMethod.POST);
			assertThat(create.path()).isEqualTo("/v1/payanother/payment");
			assertThat(create.signed()).isTrue();
			assertThat(create.idempotency()).isEqualTo(Idempotency.NOT_IDEMPOTENT);
			assertThat(create.alreadyAppliedCodes()).isEmpty();
			assertThat(create.parameterLocation()).isEqualTo(ParameterLocation.BODY);
		});
		assertThat(PayoutTemplate.QUERY_PAYOUT).satisfies((query) -> {
			assertThat(query.name()).isEqualTo("query-payout");
			assertThat(query.path()).isEqualTo("/v1/payanother/query");
			assertThat(query.idempotency()).isEqualTo(Idempotency.SAFE);
		});
		assertThat(PayoutTemplate.CANCEL_PAYOUT).satisfies((cancel) -> {
			assertThat(cancel.name()).isEqualTo("cancel-payout");
			assertThat(cancel.path()).isEqualTo("/v1/payanother/close");
			assertThat(cancel.idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
			assertThat(cancel.alreadyAppliedCodes()).containsExactly(20005);
		});
	}

	@Test
	void copiesChangeOnlyWhatTheySay() {
		OperationDescriptor<?> query = PayoutTemplate.QUERY_PAYOUT.withPath("/v1/payout/query")
			.withQueryMethod(QueryMethod.GET)
			.withAlreadyAppliedCodes(Set.of(1));
		assertThat(query.path()).isEqualTo("/v1/payout/query");
		assertThat(query.method()).isEqualTo(HttpMethod.GET);
		assertThat(query.parameterLocation()).isEqualTo(ParameterLocation.QUERY);
		assertThat(query.hasBody()).isFalse();
		assertThat(query.alreadyAppliedCodes()).containsExactly(1);
		assertThat(query.name()).isEqualTo("query-payout");
		assertThat(query.idempotency()).isEqualTo(Idempotency.SAFE);
		assertThat(query.decoder()).isSameAs(PayoutTemplate.QUERY_PAYOUT.decoder());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "v1/payout", "/v1/payout?x=1", "/v1/payout#x" })
	void rejectsPathsThatAreNotPlainAbsolutePaths(String path) {
		assertThatIllegalArgumentException().isThrownBy(() -> PayoutTemplate.CANCEL_PAYOUT.withPath(path));
	}

	@Test
	void requestKeepsParametersInOrderAndLeavesOutAbsentOnes() {
		OperationRequest request = OperationRequest.about("id")
			.parameter("b", "1")
			.parameter("a", 2)
			.parameter("c", null)
			.build();
		assertThat(request.parameters()).containsExactly(Map.entry("b", "1"), Map.entry("a", 2));
		assertThat(request.resourceId()).isEqualTo("id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OperationRequest.about(null).parameter("x", new Object()));
	}

}
