package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import me.tokenpay.spring.client.Chain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AnswerBinding}: what is compared, how, and what is lenient.
 *
 * @author TokenPay Spring Boot team
 */
class AnswerBindingTests {

	private static final Map<AnswerField, Object> CREATE = OperationRequest.about("order-1")
		.bound(AnswerField.OUT_TRADE_NO, "order-1")
		.expect(AnswerField.AMOUNT, new BigDecimal("12.5"))
		.expect(AnswerField.CHAIN, Chain.TRON)
		.bound(AnswerField.CURRENCY, "USDT")
		.build()
		.expectations();

	@Test
	void anAnswerStatingTheSameValuesMatches() {
		assertThat(
				AnswerBinding.mismatches(CREATE, answer(Map.of(AnswerField.OUT_TRADE_NO, "order-1", AnswerField.AMOUNT,
						new BigDecimal("12.500000"), AnswerField.CHAIN, Chain.TRON, AnswerField.CURRENCY, "USDT"))))
			.isEmpty();
	}

	@Test
	void fieldsTheAnswerLeavesOutAreAccepted() {
		assertThat(AnswerBinding.mismatches(CREATE, answer(Map.of()))).isEmpty();
	}

	@Test
	void everyFieldStatedDifferentlyIsReportedWithBothValues() {
		assertThat(AnswerBinding.mismatches(CREATE,
				answer(Map.of(AnswerField.OUT_TRADE_NO, "order-2", AnswerField.AMOUNT, new BigDecimal("99"),
						AnswerField.CHAIN, Chain.ETHEREUM, AnswerField.CURRENCY, "TRX"))))
			.containsExactly("out_trade_no is \"order-2\" where \"order-1\" was asked",
					"amount is \"99\" where \"12.5\" was asked", "chain is \"ETHEREUM\" where \"TRON\" was asked",
					"currency is \"TRX\" where \"USDT\" was asked");
	}

	@Test
	void fieldsTheCallDidNotAskAboutAreNotCompared() {
		assertThat(AnswerBinding.mismatches(CREATE,
				answer(Map.of(AnswerField.TO_ADDRESS, "TAnywhere", AnswerField.TRANSACTION_ID, "f".repeat(32)))))
			.isEmpty();
	}

	@Test
	void answeredTextIsEscapedAndBounded() {
		String hostile = "order\r\nforged-log-line" + "x".repeat(200);
		assertThat(AnswerBinding.mismatches(CREATE, answer(Map.of(AnswerField.OUT_TRADE_NO, hostile)))).singleElement()
			.satisfies((text) -> assertThat(text).doesNotContain("\r", "\n").contains("…[cut").hasSizeLessThan(200));
	}

	@Test
	void aNullExpectationExpectsNothing() {
		assertThat(OperationRequest.about("x").bound(AnswerField.TO_ADDRESS, null).build().expectations()).isEmpty();
		assertThat(OperationRequest.about("x").bound(AnswerField.TO_ADDRESS, null).build().parameters()).isEmpty();
	}

	@Test
	void aRequestRefusesParametersThatAreNeitherStringsNorNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> OperationRequest.about("x").parameter("flag", true))
			.withMessageContaining("flag");
		assertThatIllegalArgumentException().isThrownBy(() -> OperationRequest.about("x").parameter(" ", "v"));
		assertThatIllegalArgumentException().isThrownBy(() -> new OperationRequest(null, "x"));
		assertThat(OperationRequest.about("x").parameter("n", 5).parameter("s", "v").build().parameters())
			.containsExactly(Map.entry("n", 5), Map.entry("s", "v"));
	}

	private static AnswerSubject answer(Map<AnswerField, Object> fields) {
		Map<AnswerField, Object> copy = new EnumMap<>(AnswerField.class);
		copy.putAll(fields);
		return copy::get;
	}

}
