/**
 * Actuator support of the TokenPay starter: the {@code tokenpay} health indicator and
 * endpoint, and the activity they report.
 */
@NullMarked
package me.tokenpay.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
