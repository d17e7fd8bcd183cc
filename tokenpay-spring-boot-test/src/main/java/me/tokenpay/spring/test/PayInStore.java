package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pay-in orders of {@link MockTokenPayServer}, kept by transaction id and found by
 * order number too. An order past its expiry is closed when next read; a paid order
 * credits the merchant's balance.
 *
 * @author TokenPay Spring Boot team
 */
final class PayInStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CurrencyTable currencies;

	private final PayoutStore balances;

	private final Map<String, MockPayIn> byTransactionId = new LinkedHashMap<>();

	private final Map<String, String> transactionIdByOutTradeNo = new HashMap<>();

	PayInStore(CurrencyTable currencies, PayoutStore balances) {
		this.currencies = currencies;
		this.balances = balances;
	}

	/**
	 * Create an order.
	 * @param request the checked request
	 * @param now the server's time
	 * @return the order
	 * @throws Rejection 20005 for an unknown currency or too many decimals, 12001 for an
	 * order number in use
	 */
	synchronized MockPayIn create(CreateRequest request, Instant now) {
		int decimals = this.currencies.orderDecimals(request.chain(), request.currency(), request.amount());
		if (this.transactionIdByOutTradeNo.containsKey(request.outTradeNo())) {
			throw new Rejection(12001, "Data is existed");
		}
		MockPayIn payIn = new MockPayIn(request.outTradeNo(), randomHex(16), randomHex(16), PayInState.NOTPAY,
				request.amount(), request.chain(), request.currency(), request.orderType(), request.toAddress(),
				request.description(), request.attach(), request.notifyUrl(), now,
				now.plus(Duration.ofSeconds(request.expireSecond())), null, null, null, null);
		put(payIn);
		return payIn;
	}

	/**
	 * Find an order by transaction id or order number, closing it first if it expired.
	 * @param id either id
	 * @param now the server's time
	 * @return the order or {@code null}
	 */
	synchronized @Nullable MockPayIn find(String id, Instant now) {
		MockPayIn payIn = this.byTransactionId.get(id);
		if (payIn == null) {
			String transactionId = this.transactionIdByOutTradeNo.get(id);
			payIn = (transactionId != null) ? this.byTransactionId.get(transactionId) : null;
		}
		if (payIn != null && payIn.state() == PayInState.NOTPAY && !now.isBefore(payIn.expireTime())) {
			payIn = put(payIn.with(PayInState.CLOSED, null, payIn.expireTime(), null, null));
		}
		return payIn;
	}

	/**
	 * Close an unpaid order.
	 * @param transactionId the transaction id
	 * @param now the server's time
	 * @return the closed order
	 * @throws Rejection 12002 for an unknown order, 20005 for one that is not open
	 */
	synchronized MockPayIn close(String transactionId, Instant now) {
		MockPayIn payIn = find(transactionId, now);
		if (payIn == null || !payIn.transactionId().equals(transactionId)) {
			throw new Rejection(12002, "Data is absence");
		}
		if (payIn.state() != PayInState.NOTPAY) {
			throw new Rejection(20005, "Invalid parameter: order is " + payIn.state() + " and cannot be closed");
		}
		return put(payIn.with(PayInState.CLOSED, null, now, null, null));
	}

	/**
	 * Mark an unpaid order paid and credit the balance.
	 * @param id its transaction id or order number
	 * @param now the server's time
	 * @return the paid order
	 */
	synchronized MockPayIn pay(String id, Instant now) {
		MockPayIn payIn = require(id, now);
		if (payIn.state() != PayInState.NOTPAY) {
			throw new IllegalStateException("Pay-in order " + id + " is " + payIn.state() + " and cannot be paid");
		}
		this.balances.credit(payIn.chain(), payIn.currency(), payIn.amount());
		return put(payIn.with(PayInState.SUCCESS, now, null, randomHex(32), 33_215_220L + RANDOM.nextInt(1000)));
	}

	/**
	 * Let an unpaid order expire now.
	 * @param id its transaction id or order number
	 * @param now the server's time
	 * @return the closed order
	 */
	synchronized MockPayIn expire(String id, Instant now) {
		MockPayIn payIn = require(id, now);
		if (payIn.state() != PayInState.NOTPAY) {
			throw new IllegalStateException("Pay-in order " + id + " is " + payIn.state() + " and cannot expire");
		}
		return put(payIn.with(PayInState.CLOSED, null, now, null, null));
	}

	synchronized List<MockPayIn> payIns(Instant now) {
		List<MockPayIn> payIns = new ArrayList<>();
		for (String transactionId : new ArrayList<>(this.byTransactionId.keySet())) {
			payIns.add(Objects.requireNonNull(find(transactionId, now)));
		}
		return payIns;
	}

	synchronized void clear() {
		this.byTransactionId.clear();
		this.transactionIdByOutTradeNo.clear();
	}

	/**
	 * Describe an order as the gateway's {@code TransactionDetail} does.
	 * @param payIn the order
	 * @param now the server's time, for the seconds left
	 * @return the detail
	 */
	ObjectNode detail(MockPayIn payIn, Instant now) {
		int decimals = this.currencies.decimalsOf(payIn.chain(), payIn.currency(), payIn.amount());
		BigInteger minor = CurrencyTable.minorUnits(payIn.amount(), decimals);
		long secondsLeft = (payIn.state() == PayInState.NOTPAY)
				? Math.max(0, Duration.between(now, payIn.expireTime()).toSeconds()) : 0;
		ObjectNode detail = JSON.createObjectNode()
			.put("out_trade_no", payIn.outTradeNo())
			.put("transaction_id", payIn.transactionId())
			.put("trade_state", payIn.state().name())
			.put("description", text(payIn.description()))
			.put("block_no", (payIn.blockNo() != null) ? payIn.blockNo() : 0)
			.put("create_time", payIn.createTime().toEpochMilli())
			.put("block_time", millis(payIn.payTime()))
			.put("expire_time", payIn.expireTime().toEpochMilli())
			.put("expire_second", secondsLeft)
			.put("pay_time", millis(payIn.payTime()))
			.put("close_time", millis(payIn.closeTime()))
			.put("tx_id", text(payIn.txId()))
			.put("from_address", (payIn.txId() != null) ? "TULRFYoFuEmUbxxxxxxxx8nQYFHJ88888" : "")
			.put("contract_address", "")
			.put("to_address", text(payIn.toAddress()))
			.put("amount", minor)
			.put("decimals", decimals)
			.put("chain", payIn.chain())
			.put("attach", text(payIn.attach()))
			.put("service_amount", 0)
			.put("service_amount_currency", payIn.currency())
			.put("notify_url", text(payIn.notifyUrl()))
			.put("notify_num", 0)
			.put("notify_status", 0)
			.put("status", payIn.state().ordinal());
		detail.set("currency", CurrencyTable.detailObject(payIn.chain(), payIn.currency(), decimals));
		return detail;
	}

	private MockPayIn require(String id, Instant now) {
		MockPayIn payIn = find(id, now);
		if (payIn == null) {
			throw new IllegalArgumentException("The mock TokenPay server knows no pay-in order " + id);
		}
		return payIn;
	}

	private MockPayIn put(MockPayIn payIn) {
		this.byTransactionId.put(payIn.transactionId(), payIn);
		this.transactionIdByOutTradeNo.put(payIn.outTradeNo(), payIn.transactionId());
		return payIn;
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : 0;
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HEX.formatHex(random);
	}

	/**
	 * A checked Create Pay-in order request.
	 *
	 * @param outTradeNo the order number
	 * @param amount the amount in major units
	 * @param chain the chain
	 * @param currency the currency
	 * @param expireSecond the validity in seconds
	 * @param orderType the order type
	 * @param toAddress the receiving address
	 * @param description the description
	 * @param attach the attached data
	 * @param notifyUrl the notification URL
	 */
	record CreateRequest(String outTradeNo, BigDecimal amount, String chain, String currency, int expireSecond,
			String orderType, @Nullable String toAddress, @Nullable String description, @Nullable String attach,
			@Nullable String notifyUrl) {

	}

}
