package me.tokenpay.spring.client.operation;

import org.jspecify.annotations.Nullable;

/**
 * A result that tells what its answer said it is about, so that the
 * {@link TokenPayExchange} accepts it only for the call that asked about that.
 *
 * @author TokenPay Spring Boot team
 * @see AnswerBinding
 */
public interface AnswerSubject {

	/**
	 * Return what the answer said of a field.
	 * @param field the field
	 * @return the value ({@link java.math.BigDecimal} for {@link AnswerField#AMOUNT},
	 * {@link me.tokenpay.spring.client.Chain} for {@link AnswerField#CHAIN}, a string
	 * otherwise), {@code null} when the answer did not say
	 */
	@Nullable Object answered(AnswerField field);

}
