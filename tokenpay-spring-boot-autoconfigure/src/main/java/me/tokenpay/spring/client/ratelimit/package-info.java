/**
 * Client-side rate limiting of TokenPay calls.
 */
@NullMarked
package me.tokenpay.spring.client.ratelimit;

import org.jspecify.annotations.NullMarked;
