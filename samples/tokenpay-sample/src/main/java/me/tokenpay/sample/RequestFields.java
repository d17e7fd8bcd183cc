package me.tokenpay.sample;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletRequest;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of this application's requests into the TokenPay client's types; each
 * problem is a {@link TokenPayInvalidRequestException} naming the field, which
 * {@link TokenPayProblemHandler} turns into a 400 problem.
 *
 * @author TokenPay Spring Boot team
 */
final class RequestFields {

	private RequestFields() {
	}

	static BigDecimal amount(@Nullable String amount) {
		String text = required("amount", amount);
		if (text.length() > 64 || !text.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
			throw new TokenPayInvalidRequestException("amount", "amount must be a decimal number such as 12.5");
		}
		return new BigDecimal(text);
	}

	static Chain chain(@Nullable String chain) {
		return Chain.of(required("chain", chain));
	}

	static String required(String field, @Nullable String value) {
		if (value == null) {
			throw new TokenPayInvalidRequestException(field, field + " must not be null or blank");
		}
		return value;
	}

	/**
	 * The servlet container drops {@code ;name=value} path parameters from path
	 * variables, so {@code /payouts/a;b=c/cancel} would act on payout {@code a}: refuse
	 * such paths rather than act on a truncated id.
	 */
	static void refusePathParameters(String field, HttpServletRequest request) {
		if (request.getRequestURI().indexOf(';') >= 0) {
			throw new TokenPayInvalidRequestException(field, field + " must not contain ';'");
		}
	}

}
