/**
 * Micrometer observation of TokenPay calls ({@code tokenpay.client.requests}).
 */
@NullMarked
package me.tokenpay.spring.client.observation;

import org.jspecify.annotations.NullMarked;
