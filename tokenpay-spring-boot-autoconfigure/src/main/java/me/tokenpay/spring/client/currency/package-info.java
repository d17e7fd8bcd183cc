/**
 * Currencies: the list TokenPay supports, cached, and the merchant's balance of one.
 */
@NullMarked
package me.tokenpay.spring.client.currency;

import org.jspecify.annotations.NullMarked;
