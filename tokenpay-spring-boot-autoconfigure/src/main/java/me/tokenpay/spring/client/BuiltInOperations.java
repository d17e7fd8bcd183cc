package me.tokenpay.spring.client;

import java.util.List;
import java.util.stream.Stream;

import me.tokenpay.spring.client.currency.BalanceInquiry;
import me.tokenpay.spring.client.currency.CurrencyCatalog;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.wallet.WalletTemplate;

/**
 * Every operation the starter declares, each declared once beside its method. The mock
 * gateway's route table is made from them, and tests hold the documented defaults to
 * them.
 *
 * @author TokenPay Spring Boot team
 */
public final class BuiltInOperations {

	private static final List<OperationDescriptor<?>> ALL = Stream
		.of(PayoutTemplate.OPERATIONS, PayInTemplate.OPERATIONS,
				List.<OperationDescriptor<?>>of(CurrencyCatalog.LIST_CURRENCIES, BalanceInquiry.GET_BALANCE),
				WalletTemplate.OPERATIONS)
		.flatMap(List::stream)
		.toList();

	private BuiltInOperations() {
	}

	/**
	 * Return every built-in operation.
	 * @return the operations, payouts first
	 */
	public static List<OperationDescriptor<?>> all() {
		return ALL;
	}

	/**
	 * Return a built-in operation by name.
	 * @param name the name, such as {@code create-payout}
	 * @return the operation
	 * @throws IllegalArgumentException if there is none of that name
	 */
	public static OperationDescriptor<?> named(String name) {
		return ALL.stream()
			.filter((operation) -> operation.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown operation '" + name + "'; the starter declares "
					+ ALL.stream().map(OperationDescriptor::name).toList()));
	}

}
