/**
 * Notifications (webhooks) TokenPay sends when a payout was paid or a pay-in received:
 * verified, decrypted and decoded without any web framework, deduplicated and dispatched
 * to the application.
 */
@NullMarked
package me.tokenpay.spring.client.notification;

import org.jspecify.annotations.NullMarked;
