/**
 * Client for the TokenPay merchant API: the facade
 * {@link me.tokenpay.spring.client.TokenPayTemplate}, its settings and credentials, and
 * the value types shared by its operations. Nothing here depends on Spring Boot.
 */
@NullMarked
package me.tokenpay.spring.client;

import org.jspecify.annotations.NullMarked;
