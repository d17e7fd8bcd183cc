package me.tokenpay.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import me.tokenpay.spring.client.currency.BalanceSettings;
import me.tokenpay.spring.client.currency.CurrencySettings;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
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
		PayoutSettings changed = defaults.withCreatePath("/a")
			.withQueryPath("/b")
			.withQueryMethod(QueryMethod.GET)
			.withCancelPath("/c")
			.withPayoutIdField("payanother_id")
			.withNotOpenCodes(Set.of(1))
			.withResolveAttempts(7)
			.withResolveDelay(Duration.ofSeconds(3));
		assertThat(changed).isEqualTo(new PayoutSettings("/a", "/b", QueryMethod.GET, "/c", "payanother_id", Set.of(1),
				7, Duration.ofSeconds(3)));
		assertThat(defaults.withCancelPath("/c")).isEqualTo(new PayoutSettings(defaults.createPath(),
				defaults.queryPath(), defaults.queryMethod(), "/c", defaults.payoutIdField(), defaults.notOpenCodes(),
				defaults.resolveAttempts(), defaults.resolveDelay()));
	}

	@Test
	void payInSettingsCopiesChangeOneSetting() {
		PayInSettings changed = PayInSettings.defaults()
			.withCreatePath("/a")
			.withAmountFormat(PayInAmountFormat.STRING)
			.withQueryPath("/b")
			.withQueryMethod(QueryMethod.POST)
			.withQueryIdLocation(ParameterLocation.BODY)
			.withClosePath("/c")
			.withNotClosableCodes(Set.of(2))
			.withResolveAttempts(1)
			.withResolveDelay(Duration.ZERO);
		assertThat(changed).isEqualTo(new PayInSettings("/a", PayInAmountFormat.STRING, "/b", QueryMethod.POST,
				ParameterLocation.BODY, "/c", Set.of(2), 1, Duration.ZERO));
	}

	@Test
	void currencyBalanceAndClientSettingsCopiesChangeOneSetting() {
		assertThat(CurrencySettings.defaults().withPath("/x").withCacheTtl(Duration.ZERO))
			.isEqualTo(new CurrencySettings("/x", Duration.ZERO));
		assertThat(BalanceSettings.defaults().withPath("/y").withMethod(QueryMethod.GET))
			.isEqualTo(new BalanceSettings("/y", QueryMethod.GET));
		TokenPayClientSettings client = TokenPayClientSettings.defaults(URI.create("https://api.tokenpay.me"));
		assertThat(client.withBaseUrl(URI.create("http://127.0.0.1:1")).withMaxResponseSize(10).withUserAgent("ua"))
			.isEqualTo(new TokenPayClientSettings(URI.create("http://127.0.0.1:1"), 10, "ua"));
		assertThat(client.withUserAgent("ua").baseUrl()).isEqualTo(client.baseUrl());
	}

}
