/**
 * Client for the TokenPay merchant API:
 * {@link me.tokenpay.spring.client.TokenPayTemplate}, its requests, responses and
 * exceptions. Nothing here depends on Spring Boot.
 */
@NullMarked
package me.tokenpay.spring.client;

import org.jspecify.annotations.NullMarked;
