package me.tokenpay.spring.journal;

/**
 * A submit named an {@code out_trade_no} that the journal already holds for another
 * order. Nothing was written.
 *
 * @author TokenPay Spring Boot team
 */
public class PayoutJournalConflictException extends RuntimeException {

	/**
	 * The order number in use.
	 */
	private final String outTradeNo;

	/**
	 * Create the exception.
	 * @param outTradeNo the order number in use
	 */
	public PayoutJournalConflictException(String outTradeNo) {
		super("The payout journal already holds another order under out_trade_no '" + outTradeNo
				+ "'; submit this one under a new out_trade_no");
		this.outTradeNo = outTradeNo;
	}

	/**
	 * Return the order number in use.
	 * @return the order number
	 */
	public String getOutTradeNo() {
		return this.outTradeNo;
	}

}
