/**
 * Test support: an embedded mock TokenPay server that checks signatures strictly, keeps
 * payout state and misbehaves on demand, with JUnit 5 and Spring Boot test wiring.
 */
@NullMarked
package me.tokenpay.spring.test;

import org.jspecify.annotations.NullMarked;
