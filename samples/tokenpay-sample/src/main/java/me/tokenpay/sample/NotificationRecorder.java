package me.tokenpay.sample;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.TokenPayNotification;
import me.tokenpay.spring.client.notification.TokenPayNotificationHandler;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Handles TokenPay's notifications the way a merchant would record them, keeping the last
 * 100 for {@code GET /notifications}. To show the resend path, it fails the first time it
 * sees an order number starting with {@value #FAIL_ONCE_PREFIX}: TokenPay is then
 * answered {@code 500 fail} and sends the notification again.
 *
 * @author TokenPay Spring Boot team
 */
@Component
public class NotificationRecorder implements TokenPayNotificationHandler {

	/**
	 * Order numbers with this prefix fail their first notification.
	 */
	public static final String FAIL_ONCE_PREFIX = "fail-once-";

	private static final int KEPT = 100;

	private final Deque<NotificationView> recorded = new ArrayDeque<>();

	private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

	@Override
	public void handle(TokenPayNotification notification) {
		String outTradeNo = notification.outTradeNo();
		if (outTradeNo != null && outTradeNo.startsWith(FAIL_ONCE_PREFIX) && this.failedOnce.add(outTradeNo)) {
			throw new IllegalStateException("Failing the first notification of " + outTradeNo + " on purpose");
		}
		NotificationView view = NotificationView.of(notification);
		synchronized (this.recorded) {
			this.recorded.addFirst(view);
			if (this.recorded.size() > KEPT) {
				this.recorded.removeLast();
			}
		}
	}

	/**
	 * Return the notifications handled, newest first.
	 * @return at most the last 100
	 */
	public List<NotificationView> recorded() {
		synchronized (this.recorded) {
			return List.copyOf(this.recorded);
		}
	}

	/**
	 * A handled notification as this application shows it.
	 *
	 * @param merchant the merchant the notification is for, such as {@code default}
	 * @param eventType the event type, such as {@code PAYPAYOUT.SUCCESS}
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's id of the payout or pay-in order
	 * @param tradeState the trade state
	 * @param amount the amount in major units, such as {@code "9.99"}
	 */
	public record NotificationView(String merchant, String eventType, @Nullable String outTradeNo,
			@Nullable String transactionId, @Nullable String tradeState, @Nullable String amount) {

		static NotificationView of(TokenPayNotification notification) {
			Payout payout = notification.payout();
			Transaction transaction = notification.transaction();
			BigDecimal amount = (payout != null) ? payout.amount()
					: (transaction != null) ? transaction.amount() : null;
			TradeState tradeState = notification.tradeState();
			return new NotificationView(notification.merchant(), notification.eventType().value(),
					notification.outTradeNo(), notification.transactionId(),
					(tradeState != null) ? tradeState.value() : null,
					(amount != null) ? amount.stripTrailingZeros().toPlainString() : null);
		}

	}

}
