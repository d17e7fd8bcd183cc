package me.tokenpay.sample.readme;

import java.math.BigDecimal;

/**
 * An order of the application in the README's snippets.
 *
 * @param id the order's id
 * @param amount the amount to pay out
 * @param address the receiving address
 * @author TokenPay Spring Boot team
 */
record Order(String id, BigDecimal amount, String address) {

}
