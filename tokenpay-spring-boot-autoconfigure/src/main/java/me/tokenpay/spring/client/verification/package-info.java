/**
 * Verification of a merchant's configuration against the gateway.
 */
@NullMarked
package me.tokenpay.spring.client.verification;

import org.jspecify.annotations.NullMarked;
