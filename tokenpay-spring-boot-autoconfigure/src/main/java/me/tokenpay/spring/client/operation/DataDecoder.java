package me.tokenpay.spring.client.operation;

import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;

/**
 * Turns the envelope of an accepted call (code {@code 0}) into the operation's result.
 *
 * @param <T> the result type
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface DataDecoder<T> {

	/**
	 * Decode an accepted answer.
	 * @param envelope the verified envelope, code {@code 0}
	 * @return the result
	 * @throws TokenPayInvalidResponseException if the answer cannot be decoded
	 */
	T decode(ResponseEnvelope envelope);

}
