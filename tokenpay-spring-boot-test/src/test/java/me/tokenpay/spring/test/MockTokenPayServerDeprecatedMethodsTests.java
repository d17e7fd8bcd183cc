package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Duration;

import me.tokenpay.spring.client.notification.NotificationEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the deprecated flat methods of {@link MockTokenPayServer} still act through
 * its views.
 *
 * @author TokenPay Spring Boot team
 */
@SuppressWarnings("removal")
class MockTokenPayServerDeprecatedMethodsTests {

	private final MockTokenPayServer server = MockTokenPayServer.start();

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void payoutMethodsActOnThePayouts() {
		String open = this.server.seedOpenPayout();
		this.server.seedPayout("p-2", PayoutState.PENDING);
		assertThat(this.server.payoutState(open)).isEqualTo(PayoutState.PENDING);
		assertThat(this.server.payout("p-2")).isSameAs(this.server.payouts().get("p-2"));
		assertThat(this.server.markPaid(open).state()).isEqualTo(PayoutState.SUCCESS);
		assertThat(this.server.markFailed("p-2").state()).isEqualTo(PayoutState.FAILED);
		assertThat(this.server.payouts().state("p-2")).isEqualTo(PayoutState.FAILED);
	}

	@Test
	void payInAndWalletMethodsActOnTheirViews() {
		assertThat(this.server.payIn("nothing")).isNull();
		assertThat(this.server.wallet("TRON", "nothing")).isNull();
	}

	@Test
	void balanceMethodsActOnTheBalances() {
		this.server.seedCurrency("TRON", "DOGE", 8).seedBalance("TRON", "DOGE", new BigDecimal("12.5"));
		assertThat(this.server.balance("TRON", "DOGE")).isEqualByComparingTo("12.5");
		assertThat(this.server.balances().get("TRON", "DOGE")).isEqualByComparingTo("12.5");
	}

	@Test
	void faultAndNotificationMethodsActOnTheirViews() {
		this.server.enqueueFor("query-payout", Fault.gatewayCode(11000))
			.injectForPayout("p-1", Fault.gatewayCode(11001))
			.injectRandomly(0, 1, Fault.gatewayCode(20004))
			.enforceRateLimit(false)
			.clearFaults()
			.cancelPayoutPath("/v1/payout/close")
			.notificationSchedule(Duration.ZERO)
			.notificationCopies(2)
			.tamperNextNotification(NotificationTamper.SIGNATURE)
			.payoutNotificationEventType(NotificationEventType.PAYPAYANOTHER_SUCCESS);
		assertThat(this.server.notifications().payoutEventType())
			.isEqualTo(NotificationEventType.PAYPAYANOTHER_SUCCESS.value());
		assertThat(this.server.notificationDeliveries()).isEmpty();
		assertThat(this.server.awaitNotifications(Duration.ofSeconds(1))).isEmpty();
	}

}
