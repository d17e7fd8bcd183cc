package me.tokenpay.spring.client;

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
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.ClassPathResource;

/**
 * {@link RuntimeHintsRegistrar} for the TokenPay client, registered in
 * {@code META-INF/spring/aot.factories} so that it also applies without Spring Boot: the
 * version resource read by {@link TokenPayVersion}, and Jackson binding of the request
 * and response types that applications expose, such as a controller returning a
 * {@link CancelPayoutResponse}, a {@link Payout}, a {@link Transaction} or a
 * {@link Wallet}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerResource(new ClassPathResource(TokenPayVersion.RESOURCE, TokenPayVersion.class));
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), CancelPayoutRequest.class,
				CancelPayoutResponse.class, CreatePayoutRequest.class, PayoutQuery.class, Payout.class,
				CreatePayInRequest.class, PayInQuery.class, PayInOrder.class, PayInClosure.class, Transaction.class,
				Currency.class, Balance.class, Wallet.class, Chain.class, TradeState.class);
	}

}
