package me.tokenpay.spring.client.notification;

import java.time.OffsetDateTime;

import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import org.jspecify.annotations.Nullable;

/**
 * A verified and decrypted notification. The detail is decoded by its
 * {@code resource.original_type}: {@link #payout()} for {@code payout} and
 * {@code payanother}, {@link #transaction()} for {@code transaction}; for any other type
 * both are {@code null} and {@link #resourceJson()} is the only view.
 * <p>
 * {@link #toString()} shows ids and states only: the decrypted resource is never part of
 * it, so that logging a notification does not log its content.
 *
 * @param merchant the name of the merchant whose app id the notification names, such as
 * {@code default}
 * @param appId the app id the notification is for
 * @param mchId the merchant id
 * @param createTime when TokenPay created it, {@code null} if it sent no RFC 3339 time
 * @param eventType the event type, such as {@code PAYPAYOUT.SUCCESS}
 * @param originalType the type of the encrypted resource, such as {@code payout} or
 * {@code transaction}
 * @param payout the payout, for a payout notification
 * @param transaction the pay-in order, for a pay-in notification
 * @param deduplicationKey the key that identifies this event across resends:
 * {@code app_id:event_type:transaction_id:state}
 * @param envelopeJson the body as received (the resource still encrypted)
 * @param resourceJson the decrypted resource; never log it
 * @author TokenPay Spring Boot team
 */
public record TokenPayNotification(String merchant, String appId, @Nullable String mchId,
		@Nullable OffsetDateTime createTime, NotificationEventType eventType, String originalType,
		@Nullable Payout payout, @Nullable Transaction transaction, String deduplicationKey, String envelopeJson,
		String resourceJson) {

	/**
	 * Return whether this notification is about a payout.
	 * @return whether {@link #payout()} is set
	 */
	public boolean isPayout() {
		return this.payout != null;
	}

	/**
	 * Return whether this notification is about a pay-in order.
	 * @return whether {@link #transaction()} is set
	 */
	public boolean isPayIn() {
		return this.transaction != null;
	}

	/**
	 * Return the platform's id of the payout or pay-in order.
	 * @return the id, {@code null} if the resource has none or is of another type
	 */
	public @Nullable String transactionId() {
		Payout payout = this.payout;
		Transaction transaction = this.transaction;
		return (payout != null) ? payout.transactionId() : (transaction != null) ? transaction.transactionId() : null;
	}

	/**
	 * Return the merchant's order number of the payout or pay-in order.
	 * @return the order number, {@code null} if the resource has none or is of another
	 * type
	 */
	public @Nullable String outTradeNo() {
		Payout payout = this.payout;
		Transaction transaction = this.transaction;
		return (payout != null) ? payout.outTradeNo() : (transaction != null) ? transaction.outTradeNo() : null;
	}

	/**
	 * Return the trade state of the payout or pay-in order.
	 * @return the state, {@code null} if the resource has none or is of another type
	 */
	public @Nullable TradeState tradeState() {
		Payout payout = this.payout;
		Transaction transaction = this.transaction;
		return (payout != null) ? payout.tradeState() : (transaction != null) ? transaction.tradeState() : null;
	}

	@Override
	public String toString() {
		return "TokenPayNotification[merchant=" + this.merchant + ", appId=" + this.appId + ", eventType="
				+ this.eventType + ", originalType=" + this.originalType + ", transactionId=" + transactionId()
				+ ", outTradeNo=" + outTradeNo() + ", tradeState=" + tradeState() + "]";
	}

}
