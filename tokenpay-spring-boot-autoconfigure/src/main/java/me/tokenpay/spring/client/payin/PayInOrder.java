package me.tokenpay.spring.client.payin;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A created pay-in order: where to send the customer to pay it.
 * <p>
 * When the create's answer was lost, or the gateway refused a repeat of an order that it
 * already had, the order is found by a query instead: {@link #transaction()} is then the
 * order as the query describes it, and {@link #prepayId()} and {@link #paymentUrl()},
 * which only the create's answer carries, are {@code null}.
 *
 * @param outTradeNo the merchant's order number, given or generated
 * @param prepayId the prepayment id, {@code null} for an order found by a query
 * @param paymentUrl the absolute URL of the cashier page, {@code null} for an order found
 * by a query or when the gateway sent none that is a usable http(s) URL
 * @param expiresAt when the order expires unpaid: as the gateway said, or else the time
 * the create was sent plus its validity
 * @param transaction the order as a query found it, {@code null} when the create's answer
 * arrived
 * @author TokenPay Spring Boot team
 */
public record PayInOrder(String outTradeNo, @Nullable String prepayId, @Nullable URI paymentUrl,
		@Nullable Instant expiresAt, @Nullable Transaction transaction) {

	/**
	 * Return whether the order was found by a query rather than from the create's answer.
	 * @return whether {@link #transaction()} is set
	 */
	public boolean isFoundByQuery() {
		return this.transaction != null;
	}

}
