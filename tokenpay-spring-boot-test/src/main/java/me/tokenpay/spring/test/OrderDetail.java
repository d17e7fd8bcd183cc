package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payin.TransactionDecoder;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutDecoder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Builds the detail of a payout or a pay-in order as the gateway describes it, for tests
 * that need a {@link Payout} or a {@link Transaction} (to stub a service, or to build a
 * notification with {@link TokenPayNotifications}) without the 22 arguments of their
 * constructors: <pre class="code">
 * Payout payout = OrderDetail.payout("order-1").amount(new BigDecimal("12.5"), 6).paid().toPayout();
 * SignedNotification notification = TokenPayNotifications.forTesting(credentials).payoutSucceeded(payout);
 * </pre> A detail starts as {@code NOTPAY}, 1 USDT on TRON to a fixed address, with a
 * random platform id.
 *
 * @author TokenPay Spring Boot team
 */
public final class OrderDetail {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ObjectNode detail = JSON.createObjectNode();

	private BigDecimal amount = BigDecimal.ONE;

	private int decimals = 6;

	private Clock clock = Clock.systemUTC();

	private boolean paid;

	private OrderDetail(String outTradeNo) {
		Assert.hasText(outTradeNo, "Order number must not be blank");
		this.detail.put("out_trade_no", outTradeNo)
			.put("transaction_id", randomHex(16))
			.put("trade_state", "NOTPAY")
			.put("chain", "TRON")
			.put("currency", "USDT")
			.put("to_address", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w");
	}

	/**
	 * Start the detail of a payout.
	 * @param outTradeNo the merchant's order number
	 * @return the builder
	 */
	public static OrderDetail payout(String outTradeNo) {
		return new OrderDetail(outTradeNo);
	}

	/**
	 * Start the detail of a pay-in order.
	 * @param outTradeNo the merchant's order number
	 * @return the builder
	 */
	public static OrderDetail payIn(String outTradeNo) {
		return new OrderDetail(outTradeNo);
	}

	/**
	 * Set the platform's id.
	 * @param transactionId the id
	 * @return this builder
	 */
	public OrderDetail transactionId(String transactionId) {
		this.detail.put("transaction_id", transactionId);
		return this;
	}

	/**
	 * Set the amount and its currency's decimals.
	 * @param amount the amount in major units
	 * @param decimals the decimals, such as {@code 6} for USDT
	 * @return this builder
	 */
	public OrderDetail amount(BigDecimal amount, int decimals) {
		Assert.isTrue(amount.signum() > 0, "Amount must be positive");
		Assert.isTrue(decimals >= 0 && amount.stripTrailingZeros().scale() <= decimals,
				"Amount must have at most the currency's decimals");
		this.amount = amount;
		this.decimals = decimals;
		return this;
	}

	/**
	 * Set the chain, the currency and the receiving address.
	 * @param chain the chain, such as {@code TRON}
	 * @param currency the currency, such as {@code USDT}
	 * @param toAddress the receiving address
	 * @return this builder
	 */
	public OrderDetail to(String chain, String currency, String toAddress) {
		this.detail.put("chain", chain).put("currency", currency).put("to_address", toAddress);
		return this;
	}

	/**
	 * Set the clock of the creation and pay times; the system clock unless set.
	 * @param clock the clock
	 * @return this builder
	 */
	public OrderDetail clock(Clock clock) {
		Assert.notNull(clock, "Clock must not be null");
		this.clock = clock;
		return this;
	}

	/**
	 * Mark it paid: {@code SUCCESS}, with a transaction hash, a block and a pay time (the
	 * clock's now).
	 * @return this builder
	 */
	public OrderDetail paid() {
		this.paid = true;
		return state("SUCCESS").put("tx_id", randomHex(32)).put("block_no", 33215220);
	}

	/**
	 * Set any trade state, such as {@code CLOSED} or {@code FAILED}.
	 * @param tradeState the state as the gateway spells it
	 * @return this builder
	 */
	public OrderDetail state(String tradeState) {
		this.detail.put("trade_state", tradeState);
		return this;
	}

	/**
	 * Set any other field of the detail, as the gateway would send it.
	 * @param field the JSON field name
	 * @param value the value
	 * @return this builder
	 */
	public OrderDetail put(String field, Object value) {
		this.detail.set(field, JSON.valueToTree(value));
		return this;
	}

	/**
	 * Return the detail as the gateway sends it.
	 * @return the JSON object
	 */
	public String toJson() {
		ObjectNode detail = this.detail.deepCopy();
		long now = this.clock.millis();
		detail.put("amount", this.amount.movePointRight(this.decimals).toBigIntegerExact().toString())
			.put("decimals", this.decimals)
			.put("create_time", now);
		if (this.paid) {
			detail.put("pay_time", now);
		}
		return detail.toString();
	}

	/**
	 * Return the payout the starter reads from this detail.
	 * @return the payout, its {@link Payout#json()} this detail
	 */
	public Payout toPayout() {
		return PayoutDecoder.decode(JSON.readTree(toJson()));
	}

	/**
	 * Return the pay-in order the starter reads from this detail.
	 * @return the order, its {@link Transaction#json()} this detail
	 */
	public Transaction toTransaction() {
		return TransactionDecoder.decode(JSON.readTree(toJson()));
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
