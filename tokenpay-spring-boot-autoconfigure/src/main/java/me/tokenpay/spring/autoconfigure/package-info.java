/**
 * Auto-configuration of the TokenPay client.
 */
@NullMarked
package me.tokenpay.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
