package me.tokenpay.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.operation.OperationOverride;
import me.tokenpay.spring.client.payin.PayInAmountFormat;
import me.tokenpay.spring.client.payin.PayInSettings;
import me.tokenpay.spring.client.payout.PayoutSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code withX} copies of the settings records: each changes its one
 * setting and keeps the others.
 *
 * @author TokenPay Spring Boot team
 */
class SettingsCopiesTests {

	@Test
	void payoutSettingsCopiesChangeOneSetting() {
		PayoutSettings defaults = PayoutSettings.defaults();
		PayoutSettings changed = defaults.withPayoutIdField("payanother_id")
			.withNotOpenCodes(Set.of(1))
			.withResolveAttempts(7)
			.withResolveDelay(Duration.ofSeconds(3));
		assertThat(changed).isEqualTo(new PayoutSettings("payanother_id", Set.of(1), 7, Duration.ofSeconds(3)));
		assertThat(defaults.withResolveAttempts(0)).isEqualTo(
				new PayoutSettings(defaults.payoutIdField(), defaults.notOpenCodes(), 0, defaults.resolveDelay()));
	}

	@Test
	void payInSettingsCopiesChangeOneSetting() {
		PayInSettings changed = PayInSettings.defaults()
			.withAmountFormat(PayInAmountFormat.STRING)
			.withNotClosableCodes(Set.of(2))
			.withResolveAttempts(1)
			.withResolveDelay(Duration.ZERO);
		assertThat(changed).isEqualTo(new PayInSettings(PayInAmountFormat.STRING, Set.of(2), 1, Duration.ZERO));
	}

	@Test
	void currencyAndClientSettingsCopiesChangeOneSetting() {
		assertThat(CurrencySettings.defaults().withCacheTtl(Duration.ZERO))
			.isEqualTo(new CurrencySettings(Duration.ZERO));
		TokenPayClientSettings client = TokenPayClientSettings.defaults(URI.create("https://api.tokenpay.me"));
		OperationOverride override = OperationOverride.path("/v1/payout/close");
		assertThat(client.withBaseUrl(URI.create("http://127.0.0.1:1"))
			.withMaxResponseSize(10)
			.withUserAgent("ua")
			.withOperation("cancel-payout", override))
			.isEqualTo(new TokenPayClientSettings(URI.create("http://127.0.0.1:1"), 10, "ua",
					Map.of("cancel-payout", override)));
		assertThat(client.withUserAgent("ua").baseUrl()).isEqualTo(client.baseUrl());
		assertThat(client.withOperation("cancel-payout", override)
			.withBaseUrl(URI.create("http://127.0.0.1:2"))
			.operations()).containsOnlyKeys("cancel-payout");
	}

}
