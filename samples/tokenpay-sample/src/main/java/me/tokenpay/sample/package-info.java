/**
 * Sample web application that cancels TokenPay payouts through the starter.
 */
@NullMarked
package me.tokenpay.sample;

import org.jspecify.annotations.NullMarked;
