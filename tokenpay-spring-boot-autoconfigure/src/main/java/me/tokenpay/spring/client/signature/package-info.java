/**
 * TokenPay's {@code TTPAY-AES-256-ECB} request signing and response signature
 * verification.
 */
@NullMarked
package me.tokenpay.spring.client.signature;

import org.jspecify.annotations.NullMarked;
