package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.client.error.GatewayText;
import org.jspecify.annotations.Nullable;

/**
 * The one rule by which a result is bound to its call: every field the call expects
 * ({@link OperationRequest#expectations()}) that the answer states must equal what the
 * call asked. A field the answer leaves out is accepted (TokenPay's documents omit fields
 * freely); a field it states differently never is. Amounts compare by value.
 *
 * @author TokenPay Spring Boot team
 */
public final class AnswerBinding {

	private static final int MAX_VALUE_LENGTH = 80;

	private AnswerBinding() {
	}

	/**
	 * Compare a result with what a call expects.
	 * @param expectations the expected value of each field
	 * @param result what the answer said
	 * @return one description per field stated differently, empty if none
	 */
	public static List<String> mismatches(Map<AnswerField, Object> expectations, AnswerSubject result) {
		List<String> mismatches = new ArrayList<>();
		expectations.forEach((field, expected) -> {
			Object answered = result.answered(field);
			if (answered != null && !same(expected, answered)) {
				mismatches.add(field.jsonName() + " is " + text(answered) + " where " + text(expected) + " was asked");
			}
		});
		return mismatches;
	}

	private static boolean same(Object expected, Object answered) {
		if (expected instanceof BigDecimal expectedAmount && answered instanceof BigDecimal answeredAmount) {
			return expectedAmount.compareTo(answeredAmount) == 0;
		}
		return expected.equals(answered);
	}

	private static @Nullable String text(Object value) {
		String text = (value instanceof BigDecimal amount) ? amount.toPlainString() : value.toString();
		return "\"" + GatewayText.safe(text, MAX_VALUE_LENGTH) + "\"";
	}

}
