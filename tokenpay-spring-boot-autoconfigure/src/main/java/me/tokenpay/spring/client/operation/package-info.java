/**
 * The pipeline every TokenPay operation goes through, and the descriptors of operations.
 */
@NullMarked
package me.tokenpay.spring.client.operation;

import org.jspecify.annotations.NullMarked;
