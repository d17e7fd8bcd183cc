/**
 * Payouts: create, query and cancel, with their requests and results.
 */
@NullMarked
package me.tokenpay.spring.client.payout;

import org.jspecify.annotations.NullMarked;
