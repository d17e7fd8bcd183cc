/**
 * The audit log of calls to TokenPay: a record per attempt, and the SPI that receives
 * them.
 */
@NullMarked
package me.tokenpay.spring.client.audit;

import org.jspecify.annotations.NullMarked;
