package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LenientFields}: lenient on absent and mistyped fields, strict at the
 * edges of every range.
 *
 * @author TokenPay Spring Boot team
 */
class LenientFieldsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode object(String json) {
		return JSON.readTree(json);
	}

	@Test
	void decimalsFromZeroToThirtySixAreAcceptedAndBeyondRefused() {
		assertThat(LenientFields.decimals(object("{\"d\":0}"), "d")).isZero();
		assertThat(LenientFields.decimals(object("{\"d\":\"36\"}"), "d")).isEqualTo(36);
		assertThat(LenientFields.decimals(object("{}"), "d")).isNull();
		assertThat(LenientFields.decimals(object("{\"d\":null}"), "d")).isNull();
		for (String value : new String[] { "37", "-1", "2147483647", "\"x\"", "6.5", "true" }) {
			assertThatExceptionOfType(InvalidFieldException.class)
				.isThrownBy(() -> LenientFields.decimals(object("{\"d\":" + value + "}"), "d"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("d"))
				.withMessageContaining("a whole number from 0 to 36");
		}
	}

	@Test
	void amountsHaveAtMostSixtyDigits() {
		String sixty = "9".repeat(60);
		assertThat(LenientFields.minorAmount(object("{\"a\":\"" + sixty + "\"}"), "a", true))
			.isEqualTo(new BigInteger(sixty));
		assertThat(LenientFields.minorAmount(object("{\"a\":" + sixty + "}"), "a", true))
			.isEqualTo(new BigInteger(sixty));
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":\"1" + sixty + "\"}"), "a", true));
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":1" + sixty + "}"), "a", true));
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":-1" + "9".repeat(59) + "}"), "a", false));
	}

	@Test
	void aPositiveAmountRefusesZeroAndANonNegativeOneAcceptsIt() {
		assertThat(LenientFields.minorAmount(object("{\"a\":0}"), "a", false)).isEqualTo(BigInteger.ZERO);
		assertThat(LenientFields.minorAmount(object("{\"a\":1}"), "a", true)).isEqualTo(BigInteger.ONE);
		assertThat(LenientFields.minorAmount(object("{}"), "a", true)).isNull();
		assertThat(LenientFields.minorAmount(object("{\"a\":null}"), "a", true)).isNull();
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":0}"), "a", true))
			.withMessageContaining("a positive whole number");
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":-1}"), "a", false))
			.withMessageContaining("a non-negative whole number");
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.minorAmount(object("{\"a\":12.5}"), "a", false));
	}

	@Test
	void epochTimesLieBetween1970And9999() {
		assertThat(LenientFields.epochMillis(object("{\"t\":0}"), "t")).as("0 is absent").isNull();
		assertThat(LenientFields.epochMillis(object("{\"t\":1}"), "t")).isEqualTo(Instant.ofEpochMilli(1));
		assertThat(LenientFields.epochMillis(object("{\"t\":253402300799999}"), "t"))
			.isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.epochMillis(object("{\"t\":253402300800000}"), "t"));
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.epochMillis(object("{\"t\":-1}"), "t"));
	}

	@Test
	void decimalLimitsAreFiniteNonNegativeAndBounded() {
		String forty = "9".repeat(40);
		String thirtySix = "9".repeat(36);
		assertThat(LenientFields.decimal(object("{\"l\":\"" + forty + "." + thirtySix + "\"}"), "l"))
			.isEqualByComparingTo(new BigDecimal(forty + "." + thirtySix));
		assertThat(LenientFields.decimal(object("{\"l\":0}"), "l")).isEqualByComparingTo("0");
		assertThat(LenientFields.decimal(object("{\"l\":\"abc\"}"), "l")).as("unreadable is absent").isNull();
		assertThat(LenientFields.decimal(object("{}"), "l")).isNull();
		for (String value : new String[] { "1e999999", "-1e999999", "-0.5", "\"1" + forty + "\"",
				"\"0." + thirtySix + "9\"" }) {
			assertThatExceptionOfType(InvalidFieldException.class)
				.isThrownBy(() -> LenientFields.decimal(object("{\"l\":" + value + "}"), "l"));
		}
	}

	@Test
	void wholeNumbersThatDoNotFitAreAbsentFromIntAndLong() {
		assertThat(LenientFields.intValue(object("{\"n\":2147483647}"), "n")).isEqualTo(Integer.MAX_VALUE);
		assertThat(LenientFields.intValue(object("{\"n\":2147483648}"), "n")).isNull();
		assertThat(LenientFields.longValue(object("{\"n\":9223372036854775807}"), "n")).isEqualTo(Long.MAX_VALUE);
		assertThat(LenientFields.longValue(object("{\"n\":9223372036854775808}"), "n")).isNull();
	}

	@Test
	void flagsAreOneZeroOrBooleans() {
		assertThat(LenientFields.flag(object("{\"f\":1}"), "f")).isTrue();
		assertThat(LenientFields.flag(object("{\"f\":\"0\"}"), "f")).isFalse();
		assertThat(LenientFields.flag(object("{\"f\":true}"), "f")).isTrue();
		assertThat(LenientFields.flag(object("{\"f\":false}"), "f")).isFalse();
		assertThat(LenientFields.flag(object("{\"f\":2}"), "f")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"TR ON\"", "\"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC\"", "true", "{}" })
	void aBoundChainThatIsNoChainNameIsRefused(String value) {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.boundChain(object("{\"chain\":" + value + "}"), "chain"));
		assertThat(LenientFields.chain(object("{\"chain\":" + value + "}"), "chain")).as("lenient reading").isNull();
	}

	@Test
	void aBoundChainOfThirtyTwoCharactersIsAccepted() {
		String name = "C".repeat(32);
		assertThat(LenientFields.boundChain(object("{\"chain\":\"" + name + "\"}"), "chain")).isEqualTo(Chain.of(name));
		assertThat(LenientFields.boundChain(object("{}"), "chain")).isNull();
	}

	@Test
	void boundTextReadsNumbersAsTheirDigitsAndRefusesOtherTypes() {
		assertThat(LenientFields.boundText(object("{\"id\":\"order-1\"}"), "id")).isEqualTo("order-1");
		assertThat(LenientFields.boundText(object("{\"id\":12345}"), "id")).isEqualTo("12345");
		assertThat(LenientFields.boundText(object("{\"id\":null}"), "id")).isNull();
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> LenientFields.boundText(object("{\"id\":[\"order-1\"]}"), "id"))
			.withMessageContaining("'id'");
	}

	@Test
	void theCurrencyOfADetailIsItsStringOrTheCurrencyOfItsObject() {
		assertThat(LenientFields.detailCurrency(object("{\"currency\":\"USDT\"}"))).isEqualTo("USDT");
		assertThat(LenientFields.detailCurrency(object("{\"currency\":{\"currency\":\"TRX\",\"decimal\":6}}")))
			.isEqualTo("TRX");
		assertThat(LenientFields.detailDecimals(object("{\"currency\":{\"currency\":\"TRX\",\"decimal\":6}}")))
			.isEqualTo(6);
		assertThat(LenientFields.detailDecimals(object("{\"decimals\":2,\"currency\":{\"decimal\":6}}"))).isEqualTo(2);
	}

}
