package me.tokenpay.spring.client;

import java.util.List;

import me.tokenpay.spring.client.currency.Balance;
import me.tokenpay.spring.client.currency.Currency;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInClosure;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payin.PayInQuery;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.CancelPayoutRequest;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.client.wallet.Wallet;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayRuntimeHints}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void isRegisteredInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(TokenPayRuntimeHints.class);
	}

	@Test
	void registersTheVersionResource() {
		assertThat(
				RuntimeHintsPredicates.resource().forResource("me/tokenpay/spring/client/tokenpay-version.properties"))
			.accepts(this.hints);
	}

	@Test
	void registersJacksonBindingOfThePayoutTypes() {
		for (Class<?> type : new Class<?>[] { Payout.class, CreatePayoutRequest.class, PayoutQuery.class, Chain.class,
				TradeState.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as("%s", type).accepts(this.hints);
		}
	}

	@Test
	void registersJacksonBindingOfThePayInCurrencyAndWalletTypes() {
		for (Class<?> type : new Class<?>[] { CreatePayInRequest.class, PayInQuery.class, PayInOrder.class,
				PayInClosure.class, Transaction.class, Currency.class, Balance.class, Wallet.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as("%s", type).accepts(this.hints);
		}
	}

	@Test
	void registersJacksonBindingOfCancelPayoutResponse() {
		assertThat(RuntimeHintsPredicates.reflection().onType(CancelPayoutResponse.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CancelPayoutResponse.class.getDeclaredConstructors()[0])).accepts(this.hints);
		for (String accessor : List.of("code", "msg", "requestId")) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CancelPayoutResponse.class, accessor))
				.as(accessor)
				.accepts(this.hints);
		}
	}

	@Test
	void registersJacksonBindingOfCancelPayoutRequest() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CancelPayoutRequest.class.getDeclaredConstructors()[0])).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CancelPayoutRequest.class, "payoutId"))
			.accepts(this.hints);
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, TokenPayRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

}
