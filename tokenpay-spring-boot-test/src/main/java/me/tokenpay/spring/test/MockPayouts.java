package me.tokenpay.spring.test;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The payouts of a {@link MockTokenPayServer}: what a test seeds, inspects and settles.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockPayouts {

	private static final HexFormat HEX = HexFormat.of();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MockTokenPayServer server;

	MockPayouts(MockTokenPayServer server) {
		this.server = server;
	}

	/**
	 * Add or replace a payout, without touching the balance. A new payout is 1 USDT on
	 * TRON with the order number {@code seed-<payoutId>}.
	 * @param payoutId the payout id (its transaction id, which Cancel Payout takes)
	 * @param state its state
	 * @return these payouts
	 */
	public MockPayouts seed(String payoutId, PayoutState state) {
		Assert.hasText(payoutId, "Payout id must not be blank");
		Assert.notNull(state, "State must not be null");
		this.server.store.seed(payoutId, state, this.server.now());
		return this;
	}

	/**
	 * Add a {@link PayoutState#PENDING pending} payout with a new id of TokenPay's form
	 * (32 hex characters).
	 * @return the payout id
	 */
	public String seedOpen() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		String payoutId = HEX.formatHex(id);
		seed(payoutId, PayoutState.PENDING);
		return payoutId;
	}

	/**
	 * Return the state of a payout.
	 * @param id the payout's transaction id or order number
	 * @return its state or {@code null} if the server does not know it
	 */
	public @Nullable PayoutState state(String id) {
		MockPayout payout = get(id);
		return (payout != null) ? payout.state() : null;
	}

	/**
	 * Return a payout.
	 * @param id the payout's transaction id or order number
	 * @return the payout or {@code null} if the server does not know it
	 */
	public @Nullable MockPayout get(String id) {
		return this.server.store.find(id);
	}

	/**
	 * Return every payout, in the order they were created or seeded.
	 * @return the payouts
	 */
	public List<MockPayout> all() {
		return this.server.store.payouts();
	}

	/**
	 * Mark a payout paid: state {@link PayoutState#SUCCESS}, with a pay time and an
	 * on-chain transaction hash. A payout created with a {@code notify_url} gets a
	 * signed, encrypted notification there (see {@link MockNotifications#deliveries()}).
	 * @param id the payout's transaction id or order number
	 * @return the payout
	 * @throws IllegalArgumentException if the server does not know it
	 */
	public MockPayout markPaid(String id) {
		MockPayout payout = this.server.store.complete(id, PayoutState.SUCCESS, this.server.now());
		String notifyUrl = payout.notifyUrl();
		if (notifyUrl != null) {
			this.server.notifier.send(notifyUrl, this.server.notifications().payoutEventType(), "payout",
					payout.transactionId(), this.server.store.detail(payout).toString());
		}
		return payout;
	}

	/**
	 * Mark a payout failed on chain: state {@link PayoutState#FAILED}, its amount
	 * refunded to the balance if it was open.
	 * @param id the payout's transaction id or order number
	 * @return the payout
	 * @throws IllegalArgumentException if the server does not know it
	 */
	public MockPayout markFailed(String id) {
		return this.server.store.complete(id, PayoutState.FAILED, this.server.now());
	}

}
