package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TradeState;
import me.tokenpay.spring.client.notification.NotificationKeys;
import me.tokenpay.spring.client.notification.TokenPayNotification;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import me.tokenpay.spring.client.payin.Transaction;
import me.tokenpay.spring.client.payout.Payout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OrderDetail}: what it builds is what the starter reads, and a
 * notification built from it is accepted by the starter's parser.
 *
 * @author TokenPay Spring Boot team
 */
class OrderDetailTests {

	private final TokenPayCredentials credentials = MockTokenPayServer.generateCredentials();

	@Test
	void aPaidPayoutIsReadWithItsAmountStateAndIds() {
		Payout payout = OrderDetail.payout("order-1")
			.transactionId("t-1")
			.amount(new BigDecimal("12.5"), 6)
			.to("BSC", "USDT", "0xabc")
			.clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
			.paid()
			.toPayout();
		assertThat(payout.outTradeNo()).isEqualTo("order-1");
		assertThat(payout.transactionId()).isEqualTo("t-1");
		assertThat(payout.amount()).isEqualByComparingTo("12.5");
		assertThat(payout.minorAmount()).hasToString("12500000");
		assertThat(payout.chain()).isEqualTo(Chain.BSC);
		assertThat(payout.tradeState()).isEqualTo(TradeState.SUCCESS);
		assertThat(payout.txId()).isNotBlank();
		assertThat(payout.payTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(payout.createTime()).isEqualTo(payout.payTime());
		assertThat(payout.json()).isNotNull();
	}

	@Test
	void aPayInOrderBuildsANotificationTheParserAccepts() {
		Transaction order = OrderDetail.payIn("cart-7").amount(new BigDecimal("9.99"), 6).paid().toTransaction();
		SignedNotification notification = TokenPayNotifications.forTesting(this.credentials).payInSucceeded(order);
		TokenPayNotification parsed = new TokenPayNotificationParser(NotificationKeys.of(this.credentials),
				Duration.ofMinutes(5), 65536, Clock.systemUTC())
			.parse(notification.headers(), notification.body());
		assertThat(parsed.isPayIn()).isTrue();
		assertThat(parsed.outTradeNo()).isEqualTo("cart-7");
		assertThat(parsed.transaction().amount()).isEqualByComparingTo("9.99");
	}

	@Test
	void refusesAmountsThatCannotBeSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrderDetail.payout("o").amount(new BigDecimal("0.0000001"), 6));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderDetail.payout("o").amount(BigDecimal.ZERO, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderDetail.payout(" "));
	}

}
