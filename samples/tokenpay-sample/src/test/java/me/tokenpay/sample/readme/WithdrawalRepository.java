package me.tokenpay.sample.readme;

/**
 * The application's repository of withdrawals in the README's snippets.
 *
 * @author TokenPay Spring Boot team
 */
interface WithdrawalRepository {

	/**
	 * Load a withdrawal, locking its row.
	 * @param outTradeNo its order number
	 * @return the withdrawal
	 */
	Withdrawal lockByOutTradeNo(String outTradeNo);

}
