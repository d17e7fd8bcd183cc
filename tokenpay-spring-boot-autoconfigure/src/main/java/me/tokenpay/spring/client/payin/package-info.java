/**
 * Pay-in orders: create one for a customer to pay, query it, close it.
 */
@NullMarked
package me.tokenpay.spring.client.payin;

import org.jspecify.annotations.NullMarked;
