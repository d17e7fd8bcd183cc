/**
 * Monitored wallets: the merchant's own receiving addresses that TokenPay watches for
 * deposits (the "monitor wallet" mode).
 */
@NullMarked
package me.tokenpay.spring.client.wallet;

import org.jspecify.annotations.NullMarked;
