package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEndpointNotFoundException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.LenientFields;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.operation.OperationRequest;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.ratelimit.LocalTokenPayRateLimiter;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the handlers of {@link MockTokenPayServer}: an operation the starter does not
 * wrap, added with a handler of the test's own and called through
 * {@link TokenPayTemplate#execute}, goes through the same checks as the built-in ones; a
 * built-in answer can be replaced; {@link MockTokenPayServer#reset()} restores both.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerHandlerTests {

	private static final OperationDescriptor<String> QUERY_WALLET = OperationDescriptor
		.post("query-refund", "/v1/refund/query", Idempotency.SAFE,
				(envelope) -> LenientFields.text(Objects.requireNonNull(envelope.data()), "wallet_address"))
		.withQueryMethod(QueryMethod.GET);

	private static final MockOperationHandler WALLET_HANDLER = (call) -> MockAnswer
		.success(Map.of("wallet_address", call.requiredText("wallet_address"), "chain", call.requiredText("chain")));

	private final MockTokenPayServer server = MockTokenPayServer.start();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void anAddedOperationIsAuthenticatedSignedLimitedAndObservedLikeTheBuiltInOnes() {
		this.server.route("query-refund", "/v1/refund/query", WALLET_HANDLER);
		TestObservationRegistry registry = TestObservationRegistry.create();
		TokenPayTemplate template = builder(ResponseSignatureMode.REQUIRED).observationRegistry(registry)
			.rateLimiter(new LocalTokenPayRateLimiter(1, Duration.ofMinutes(1), Duration.ZERO))
			.build();
		OperationRequest request = OperationRequest.about("TQjx")
			.parameter("wallet_address", "TQjx")
			.parameter("chain", "TRON")
			.build();
		assertThat(template.execute(QUERY_WALLET, request)).isEqualTo("TQjx");
		MockTokenPayRequest sent = this.server.lastRequest();
		assertThat(sent.method()).isEqualTo("GET");
		assertThat(sent.path()).isEqualTo("/v1/refund/query?wallet_address=TQjx&chain=TRON");
		assertThat(sent.code()).as("authenticated by the mock").isZero();
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("tokenpay.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "query-refund")
			.hasLowCardinalityKeyValue("outcome", "success");
		assertThatExceptionOfType(TokenPayRateLimitException.class)
			.isThrownBy(() -> template.execute(QUERY_WALLET, request));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void anAddedOperationRefusesMissingParametersAndBadSignaturesAsTheGatewayDoes() {
		this.server.route("query-refund", "/v1/refund/query", WALLET_HANDLER);
		TokenPayTemplate template = builder(ResponseSignatureMode.REQUIRED).build();
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> template.execute(QUERY_WALLET,
					OperationRequest.about("TQjx").parameter("wallet_address", "TQjx").build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(11003))
			.withMessageContaining("chain");
		TokenPayTemplate wrongSecret = template.mutate()
			.credentials(new TokenPayCredentials(this.server.credentials().appId(), this.server.credentials().mchId(),
					MockTokenPayServer.generateCredentials().appSecret()))
			.verifier(verifier(ResponseSignatureMode.OFF))
			.build();
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> wrongSecret.execute(QUERY_WALLET,
				OperationRequest.about("TQjx").parameter("wallet_address", "TQjx").parameter("chain", "TRON").build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(103));
	}

	@Test
	void aBuiltInAnswerCanBeReplacedUntilReset() {
		TokenPayTemplate template = builder(ResponseSignatureMode.REQUIRED).build();
		this.server.balances().seed("TRON", "USDT", new BigDecimal("100"));
		String outTradeNo = template.payouts()
			.create(CreatePayoutRequest
				.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
				.outTradeNo("order-h1")
				.build())
			.outTradeNo();
		this.server.handle("query-payout", (call) -> MockAnswer.rejection(12002, "Data is absence"));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> template.payouts().getByOutTradeNo(outTradeNo))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
		this.server.route("query-refund", "/v1/refund/query", WALLET_HANDLER);
		this.server.reset();
		this.server.balances().seed("TRON", "USDT", new BigDecimal("100"));
		assertThatExceptionOfType(TokenPayEndpointNotFoundException.class).isThrownBy(() -> template
			.execute(QUERY_WALLET, OperationRequest.about("TQjx").parameter("wallet_address", "TQjx").build()));
	}

	@Test
	void everyDeclaredOperationIsRoutedAsDeclaredAndHandled() {
		TokenPayTemplate template = builder(ResponseSignatureMode.REQUIRED).build();
		for (OperationDescriptor<?> operation : BuiltInOperations.all()) {
			this.server.handle(operation.name(), (call) -> MockAnswer.success(Map.of("operation", call.operation())));
			JsonNode data = template.execute(operation.withDecoder(ResponseEnvelope::data),
					OperationRequest.about("probe").build());
			assertThat(data.get("operation").asString()).isEqualTo(operation.name());
			assertThat(this.server.lastRequest().method()).as(operation.name()).isEqualTo(operation.method().name());
			assertThat(this.server.lastRequest().code()).as(operation.name()).isZero();
		}
		assertThat(this.server.requests()).hasSize(BuiltInOperations.all().size());
	}

	@Test
	void onlyKnownOperationsCanBeHandled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.handle("query-refund", WALLET_HANDLER))
			.withMessageContaining("Unknown operation 'query-refund'")
			.withMessageContaining("query-payout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.server.route("query-refund", "v1/refund/query", WALLET_HANDLER))
			.withMessage("Path must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> MockAnswer.rejection(0, "fine"));
	}

	private TokenPayTemplate.Builder builder(ResponseSignatureMode mode) {
		return TokenPayTemplate.builder()
			.settings(TokenPayClientSettings.defaults(URI.create(this.server.baseUrl())))
			.credentials(this.server.credentials())
			.verifier(verifier(mode));
	}

	private ResponseVerifier verifier(ResponseSignatureMode mode) {
		return new ResponseVerifier(new SignatureCipher(this.server.credentials().appSecret()), mode,
				Duration.ofMinutes(5), Clock.systemUTC());
	}

}
