package me.tokenpay.spring.test;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The pay-in orders of a {@link MockTokenPayServer}: what a test inspects, pays and lets
 * expire.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockPayIns {

	private final MockTokenPayServer server;

	MockPayIns(MockTokenPayServer server) {
		this.server = server;
	}

	/**
	 * Return a pay-in order, closed first if it expired.
	 * @param id the order's transaction id or order number
	 * @return the order or {@code null} if the server does not know it
	 */
	public @Nullable MockPayIn get(String id) {
		return this.server.payInStore.find(id, this.server.now());
	}

	/**
	 * Return every pay-in order, in the order they were created.
	 * @return the orders
	 */
	public List<MockPayIn> all() {
		return this.server.payInStore.payIns(this.server.now());
	}

	/**
	 * Mark an unpaid pay-in order paid, as when the customer's transfer is confirmed:
	 * state {@link PayInState#SUCCESS} with a pay time, a transaction hash and a block
	 * number; the merchant's balance of its currency grows by its amount. An order
	 * created with a {@code notify_url} gets a signed, encrypted notification there.
	 * @param id the order's transaction id or order number
	 * @return the order
	 * @throws IllegalArgumentException if the server does not know it
	 * @throws IllegalStateException if it is not {@link PayInState#NOTPAY}
	 */
	public MockPayIn markPaid(String id) {
		Instant now = this.server.now();
		MockPayIn payIn = this.server.payInStore.pay(id, now);
		String notifyUrl = payIn.notifyUrl();
		if (notifyUrl != null) {
			this.server.notifier.send(notifyUrl, TokenPayNotifications.PAY_IN_EVENT_TYPE, "transaction",
					payIn.transactionId(), this.server.payInStore.detail(payIn, now).toString());
		}
		return payIn;
	}

	/**
	 * Let an unpaid pay-in order expire now: state {@link PayInState#CLOSED}. Orders also
	 * expire by themselves once the server's clock passes their {@code expire_second}.
	 * @param id the order's transaction id or order number
	 * @return the order
	 * @throws IllegalArgumentException if the server does not know it
	 * @throws IllegalStateException if it is not {@link PayInState#NOTPAY}
	 */
	public MockPayIn expire(String id) {
		return this.server.payInStore.expire(id, this.server.now());
	}

}
