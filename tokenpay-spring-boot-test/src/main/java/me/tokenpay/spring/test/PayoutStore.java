package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payouts and the merchant's balances of {@link MockTokenPayServer}, changed together
 * under one lock: a create debits the balance, a cancel or a failure refunds it. Payouts
 * are kept by transaction id and found by order number too.
 *
 * @author TokenPay Spring Boot team
 */
final class PayoutStore {

	/**
	 * Balance of every known currency that was never seeded, in major units.
	 */
	static final BigDecimal DEFAULT_BALANCE = new BigDecimal(1_000_000);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CurrencyTable currencies;

	private final Map<String, MockPayout> byTransactionId = new LinkedHashMap<>();

	private final Map<String, String> transactionIdByOutTradeNo = new HashMap<>();

	private final Map<String, BigDecimal> balances = new HashMap<>();

	PayoutStore(CurrencyTable currencies) {
		this.currencies = currencies;
	}

	/**
	 * Create a payout, debiting the balance.
	 * @param request the checked request; {@code outTradeNo} {@code null} to generate one
	 * @param now the server's time
	 * @return the payout
	 * @throws Rejection 12001 for an order number in use, 20005 for an unknown currency
	 * or too many decimals, 20002 for a balance too low
	 */
	synchronized MockPayout create(CreateRequest request, Instant now) {
		int decimals = this.currencies.orderDecimals(request.chain(), request.currency(), request.amount());
		String outTradeNo = (request.outTradeNo() != null) ? request.outTradeNo() : randomHex(16);
		if (this.transactionIdByOutTradeNo.containsKey(outTradeNo)) {
			throw new Rejection(12001, "Data is existed");
		}
		String key = CurrencyTable.key(request.chain(), request.currency());
		BigDecimal balance = balance(key);
		if (balance.compareTo(request.amount()) < 0) {
			throw new Rejection(20002, "Under balance");
		}
		this.balances.put(key, balance.subtract(request.amount()));
		MockPayout payout = new MockPayout(outTradeNo, randomHex(16), PayoutState.PENDING, request.amount(),
				request.chain(), request.currency(), request.toAddress(), request.description(), request.attach(),
				request.notifyUrl(), now, null, null, null);
		put(payout);
		return payout;
	}

	/**
	 * Add or replace a payout without touching the balance.
	 * @param transactionId the transaction id
	 * @param state the state
	 * @param now the server's time
	 */
	synchronized void seed(String transactionId, PayoutState state, Instant now) {
		MockPayout existing = this.byTransactionId.get(transactionId);
		if (existing != null) {
			put(with(existing, state, now));
			return;
		}
		put(new MockPayout("seed-" + transactionId, transactionId, state, BigDecimal.ONE, "TRON", "USDT",
				"TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w", null, null, null, now,
				(state == PayoutState.SUCCESS) ? now : null, (state == PayoutState.CLOSED) ? now : null,
				(state == PayoutState.SUCCESS) ? randomHex(32) : null));
	}

	/**
	 * Find a payout by transaction id or order number.
	 * @param id either id
	 * @return the payout or {@code null}
	 */
	synchronized @Nullable MockPayout find(String id) {
		MockPayout payout = this.byTransactionId.get(id);
		if (payout != null) {
			return payout;
		}
		String transactionId = this.transactionIdByOutTradeNo.get(id);
		return (transactionId != null) ? this.byTransactionId.get(transactionId) : null;
	}

	/**
	 * Close an open payout and refund it.
	 * @param transactionId the transaction id
	 * @param now the server's time
	 * @return the closed payout
	 * @throws Rejection 12002 for an unknown payout, 20005 for one that is not open
	 */
	synchronized MockPayout cancel(String transactionId, Instant now) {
		MockPayout payout = this.byTransactionId.get(transactionId);
		if (payout == null) {
			throw new Rejection(12002, "Data is absence");
		}
		if (!payout.state().isOpen()) {
			throw new Rejection(MockTokenPayServer.NOT_CLOSABLE_CODE,
					"Invalid parameter: payout is " + payout.state() + " and cannot be closed");
		}
		refund(payout);
		return put(with(payout, PayoutState.CLOSED, now));
	}

	/**
	 * Move a payout to a final state, refunding it when it failed.
	 * @param id its transaction id or order number
	 * @param state {@link PayoutState#SUCCESS} or {@link PayoutState#FAILED}
	 * @param now the server's time
	 * @return the payout
	 */
	synchronized MockPayout complete(String id, PayoutState state, Instant now) {
		MockPayout payout = find(id);
		if (payout == null) {
			throw new IllegalArgumentException("The mock TokenPay server knows no payout " + id);
		}
		if (state == PayoutState.FAILED && payout.state().isOpen()) {
			refund(payout);
		}
		return put(with(payout, state, now));
	}

	synchronized List<MockPayout> payouts() {
		return new ArrayList<>(this.byTransactionId.values());
	}

	synchronized void seedBalance(String chain, String currency, BigDecimal amount) {
		this.balances.put(CurrencyTable.key(chain, currency), amount);
	}

	/**
	 * Add to the balance of a currency, as a paid pay-in order does.
	 * @param chain the chain
	 * @param currency the currency
	 * @param amount the amount in major units
	 */
	synchronized void credit(String chain, String currency, BigDecimal amount) {
		String key = CurrencyTable.key(chain, currency);
		this.balances.put(key, balance(key).add(amount));
	}

	synchronized BigDecimal balance(String chain, String currency) {
		return balance(CurrencyTable.key(chain, currency));
	}

	synchronized void clear() {
		this.byTransactionId.clear();
		this.transactionIdByOutTradeNo.clear();
		this.balances.clear();
	}

	/**
	 * Describe a payout as the gateway's {@code data} does.
	 * @param payout the payout
	 * @return the detail
	 */
	ObjectNode detail(MockPayout payout) {
		int decimals = this.currencies.decimalsOf(payout.chain(), payout.currency(), payout.amount());
		BigInteger minor = CurrencyTable.minorUnits(payout.amount(), decimals);
		ObjectNode currency = CurrencyTable.detailObject(payout.chain(), payout.currency(), decimals);
		ObjectNode detail = JSON.createObjectNode()
			.put("out_trade_no", payout.outTradeNo())
			.put("transaction_id", payout.transactionId())
			.put("trade_state", tradeState(payout.state()))
			.put("status", payout.state().ordinal())
			.put("amount", minor)
			.put("decimals", decimals)
			.put("chain", payout.chain())
			.put("to_address", payout.toAddress())
			.put("from_address", (payout.txId() != null) ? "TULRFYoFuEmUbxxxxxxxx8nQYFHJ88888" : "")
			.put("description", (payout.description() != null) ? payout.description() : "")
			.put("attach", (payout.attach() != null) ? payout.attach() : "")
			.put("notify_url", (payout.notifyUrl() != null) ? payout.notifyUrl() : "")
			.put("create_time", payout.createTime().toEpochMilli())
			.put("pay_time", (payout.payTime() != null) ? payout.payTime().toEpochMilli() : 0)
			.put("close_time", (payout.closeTime() != null) ? payout.closeTime().toEpochMilli() : 0)
			.put("tx_id", (payout.txId() != null) ? payout.txId() : "")
			.put("block_no", (payout.txId() != null) ? 33215220 : 0)
			.put("service_amount", 0)
			.put("notify_num", 0)
			.put("notify_status", 0);
		detail.set("currency", currency);
		return detail;
	}

	private static String tradeState(PayoutState state) {
		return switch (state) {
			case PENDING, PROCESSING -> "NOTPAY";
			case SUCCESS -> "SUCCESS";
			case FAILED -> "FAILED";
			case CLOSED -> "CLOSED";
		};
	}

	private MockPayout put(MockPayout payout) {
		this.byTransactionId.put(payout.transactionId(), payout);
		this.transactionIdByOutTradeNo.put(payout.outTradeNo(), payout.transactionId());
		return payout;
	}

	private void refund(MockPayout payout) {
		String key = CurrencyTable.key(payout.chain(), payout.currency());
		this.balances.put(key, balance(key).add(payout.amount()));
	}

	private BigDecimal balance(String key) {
		BigDecimal balance = this.balances.get(key);
		return (balance != null) ? balance : DEFAULT_BALANCE;
	}

	private static MockPayout with(MockPayout payout, PayoutState state, Instant now) {
		return new MockPayout(payout.outTradeNo(), payout.transactionId(), state, payout.amount(), payout.chain(),
				payout.currency(), payout.toAddress(), payout.description(), payout.attach(), payout.notifyUrl(),
				payout.createTime(), (state == PayoutState.SUCCESS) ? now : payout.payTime(),
				(state == PayoutState.CLOSED) ? now : payout.closeTime(),
				(state == PayoutState.SUCCESS && payout.txId() == null) ? randomHex(32) : payout.txId());
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HEX.formatHex(random);
	}

	/**
	 * A checked Create Payout request.
	 *
	 * @param outTradeNo the order number, {@code null} to generate one
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @param toAddress the receiving address
	 * @param description the description
	 * @param attach the attached data
	 * @param notifyUrl the notification URL
	 */
	record CreateRequest(@Nullable String outTradeNo, BigDecimal amount, String chain, String currency,
			String toAddress, @Nullable String description, @Nullable String attach, @Nullable String notifyUrl) {

	}

}
