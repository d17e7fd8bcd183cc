package me.tokenpay.spring.client.payout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the payout value types: amounts at the edges of their decimals, the id a
 * query is about, and settings that refuse unusable values.
 *
 * @author TokenPay Spring Boot team
 */
class PayoutValuesTests {

	@Test
	void anAmountHasMajorUnitsForDecimalsFromZeroToThirtySix() {
		assertThat(payout(BigInteger.valueOf(15), 0).amount()).isEqualByComparingTo("15");
		assertThat(payout(BigInteger.valueOf(15), 36).amount()).isEqualByComparingTo(new BigDecimal("15E-36"));
		assertThat(payout(BigInteger.valueOf(15), 37).amount()).isNull();
		assertThat(payout(BigInteger.valueOf(15), -1).amount()).isNull();
		assertThat(payout(BigInteger.valueOf(15), null).amount()).isNull();
		assertThat(payout(null, 6).amount()).isNull();
	}

	@Test
	void aPayoutDescribesItselfWithoutItsRawJson() {
		Payout payout = new Payout("order-1", "t-1", null, null, null, BigInteger.valueOf(1500), 2, null, "USDT", null,
				null, null, null, null, null, null, null, null, null, null, null, "{\"secret-ish\":true}");
		assertThat(payout.toString()).contains("order-1", "t-1", "15.00 USDT").doesNotContain("secret-ish");
	}

	@Test
	void aQueryIsAboutItsOneId() {
		assertThat(PayoutQuery.byOutTradeNo("order-1").call().resourceId()).isEqualTo("order-1");
		assertThat(PayoutQuery.byTransactionId("t-1").call().resourceId()).isEqualTo("t-1");
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> new PayoutQuery("order-1", "t-1"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("transactionId"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class).isThrownBy(() -> new PayoutQuery(null, null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("outTradeNo"));
	}

	@Test
	void settingsRefuseUnusableValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PayoutSettings(" ", Set.of(), 0, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PayoutSettings("payout_id", Set.of(), -1, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PayoutSettings("payout_id", Set.of(), 0, Duration.ofMillis(-1)));
	}

	private static Payout payout(BigInteger minorAmount, Integer decimals) {
		return new Payout(null, null, null, null, null, minorAmount, decimals, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
	}

}
