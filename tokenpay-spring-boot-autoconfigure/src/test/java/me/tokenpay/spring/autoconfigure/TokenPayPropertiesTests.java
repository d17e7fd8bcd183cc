package me.tokenpay.spring.autoconfigure;

import java.time.Duration;

import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payin.PayInAmountFormat;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.TimestampUnit;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayProperties}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayPropertiesTests {

	private static final String SECRET = LoopbackGateway.APP_SECRET;

	private final MapConfigurationPropertySource source = new MapConfigurationPropertySource();

	@Test
	void defaultsAreTheDocumentedOnes() {
		TokenPayProperties properties = bind();
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.baseUrl()).isEqualTo("https://api.tokenpay.me");
		assertThat(properties.appId()).isNull();
		assertThat(properties.mchId()).isNull();
		assertThat(properties.appSecret()).isNull();
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(properties.userAgent()).isNull();
		assertThat(properties.operationOverrides()).isEmpty();
		assertThat(properties.payout().payoutIdField()).isEqualTo("payout_id");
		assertThat(properties.payout().notOpenCodes()).containsExactly(20005);
		assertThat(properties.payout().resolveAttempts()).isEqualTo(3);
		assertThat(properties.payout().resolveDelay()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.payIn().amountFormat()).isEqualTo(PayInAmountFormat.NUMBER);
		assertThat(properties.payIn().notClosableCodes()).containsExactly(20005);
		assertThat(properties.signature().timestampUnit()).isEqualTo(TimestampUnit.MILLISECONDS);
		assertThat(properties.signature().responseMode()).isEqualTo(ResponseSignatureMode.IF_PRESENT);
		assertThat(properties.signature().responseTolerance()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void everyPropertyBinds() {
		this.source.put("tokenpay.enabled", "false");
		this.source.put("tokenpay.base-url", "https://gateway.example.com/prefix");
		this.source.put("tokenpay.app-id", "app");
		this.source.put("tokenpay.mch-id", "mch");
		this.source.put("tokenpay.app-secret", SECRET);
		this.source.put("tokenpay.connect-timeout", "2s");
		this.source.put("tokenpay.read-timeout", "3m");
		this.source.put("tokenpay.max-response-size", "64KB");
		this.source.put("tokenpay.user-agent", "shop/1.0");
		this.source.put("tokenpay.operations.create-payout.path", "/v1/payout/payment");
		this.source.put("tokenpay.operations.query-payout.path", "/v1/payout/query");
		this.source.put("tokenpay.operations.query-payout.method", "get");
		this.source.put("tokenpay.operations.cancel-payout.path", "/v1/payout/close");
		this.source.put("tokenpay.operations.query-pay-in.parameter-location", "body");
		this.source.put("tokenpay.payout.payout-id-field", "payanother_id");
		this.source.put("tokenpay.payout.not-open-codes", "20005,12003");
		this.source.put("tokenpay.pay-in.amount-format", "minor-units");
		this.source.put("tokenpay.pay-in.not-closable-codes", "20005,20006");
		this.source.put("tokenpay.payout.resolve-attempts", "5");
		this.source.put("tokenpay.payout.resolve-delay", "2s");
		this.source.put("tokenpay.signature.timestamp-unit", "seconds");
		this.source.put("tokenpay.signature.response-mode", "required");
		this.source.put("tokenpay.signature.response-tolerance", "30s");
		TokenPayProperties properties = bind();
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.baseUrl()).isEqualTo("https://gateway.example.com/prefix");
		assertThat(properties.appId()).isEqualTo("app");
		assertThat(properties.mchId()).isEqualTo("mch");
		assertThat(properties.appSecret()).isEqualTo(SECRET);
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofKilobytes(64));
		assertThat(properties.userAgent()).isEqualTo("shop/1.0");
		assertThat(properties.operationOverrides()).containsOnlyKeys("create-payout", "query-payout", "cancel-payout",
				"query-pay-in");
		assertThat(properties.operationOverrides().get("create-payout").path()).isEqualTo("/v1/payout/payment");
		assertThat(properties.operationOverrides().get("query-payout").path()).isEqualTo("/v1/payout/query");
		assertThat(properties.operationOverrides().get("query-payout").method()).isEqualTo(QueryMethod.GET);
		assertThat(properties.operationOverrides().get("cancel-payout").path()).isEqualTo("/v1/payout/close");
		assertThat(properties.operationOverrides().get("query-pay-in").parameterLocation())
			.isEqualTo(ParameterLocation.BODY);
		assertThat(properties.payout().payoutIdField()).isEqualTo("payanother_id");
		assertThat(properties.payout().notOpenCodes()).containsExactlyInAnyOrder(20005, 12003);
		assertThat(properties.payIn().amountFormat()).isEqualTo(PayInAmountFormat.MINOR_UNITS);
		assertThat(properties.payIn().notClosableCodes()).containsExactlyInAnyOrder(20005, 20006);
		assertThat(properties.payout().resolveAttempts()).isEqualTo(5);
		assertThat(properties.payout().resolveDelay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.signature().timestampUnit()).isEqualTo(TimestampUnit.SECONDS);
		assertThat(properties.signature().responseMode()).isEqualTo(ResponseSignatureMode.REQUIRED);
		assertThat(properties.signature().responseTolerance()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void toStringMasksTheSecret() {
		this.source.put("tokenpay.app-id", "app");
		this.source.put("tokenpay.app-secret", SECRET);
		String text = bind().toString();
		assertThat(text).doesNotContain(SECRET).contains("appSecret=******").contains("appId=app");
	}

	@Test
	void toStringShowsAMissingSecretAsNull() {
		assertThat(bind().toString()).contains("appSecret=null");
	}

	private TokenPayProperties bind() {
		return new Binder(this.source).bindOrCreate("tokenpay", TokenPayProperties.class);
	}

}
