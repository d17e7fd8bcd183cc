/**
 * The exceptions of TokenPay calls, rooted at
 * {@link me.tokenpay.spring.client.error.TokenPayException}.
 */
@NullMarked
package me.tokenpay.spring.client.error;

import org.jspecify.annotations.NullMarked;
