package me.tokenpay.spring.client.operation;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;

import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Resolves a create whose outcome is unknown by querying its {@code outTradeNo} a few
 * times, as the gateway may still be storing it. What the query finds is the created
 * resource if it is what the create asked for ({@link AnswerBinding}); when no query
 * finds it, or what it finds differs from the create, the outcome stays unknown and says
 * so in a {@link TokenPayOutcomeUnknownException} carrying the {@code outTradeNo}.
 *
 * @param attempts how many queries to make, {@code 0} for none
 * @param delay the wait before the first query, doubled before each next one
 * @param sleeper what waits before each query
 * @author TokenPay Spring Boot team
 */
public record OutcomeResolver(int attempts, Duration delay, Sleeper sleeper) {

	/**
	 * The gateway's code for an order number that is taken.
	 */
	public static final int DATA_EXISTS = 12001;

	private static final int DATA_ABSENT = 12002;

	/**
	 * Check the settings.
	 * @param attempts how many queries to make
	 * @param delay the wait before the first query
	 * @param sleeper what waits before each query
	 * @throws IllegalArgumentException if a value is negative
	 */
	public OutcomeResolver {
		Assert.isTrue(attempts >= 0, "Resolve attempts must not be negative");
		Assert.isTrue(!delay.isNegative(), "Resolve delay must not be negative");
		Assert.notNull(sleeper, "Sleeper must not be null");
	}

	/**
	 * Create a resolver that waits by sleeping.
	 * @param attempts how many queries to make
	 * @param delay the wait before the first query
	 */
	public OutcomeResolver(int attempts, Duration delay) {
		this(attempts, delay, Sleeper.THREAD);
	}

	/**
	 * Look for the resource a create may have made.
	 * @param <T> the resource type
	 * @param operation the create's operation name, such as {@code create-payout}
	 * @param create the create's call, about its order number
	 * @param unknownOutcome the failure that left the outcome unknown
	 * @param query the query by order number
	 * @param queryHint how the caller can query later, such as
	 * {@code getByOutTradeNo("…")}
	 * @return what the query found
	 * @throws TokenPayOutcomeUnknownException if no query found it, or found something
	 * else than the create asked for; a gateway code other than "data is absence" that is
	 * not retryable ends the queries early
	 */
	public <T extends AnswerSubject> T resolve(String operation, OperationRequest create,
			TokenPayException unknownOutcome, Supplier<T> query, String queryHint) {
		String outTradeNo = create.resourceId();
		Assert.notNull(outTradeNo, "A create is about its outTradeNo");
		T found = find(operation, outTradeNo, unknownOutcome, query, queryHint);
		List<String> mismatches = AnswerBinding.mismatches(create.expectations(), found);
		if (mismatches.isEmpty()) {
			return found;
		}
		TokenPayException differs = new TokenPayMismatchedResponseException(operation, outTradeNo, mismatches, 0, null);
		throw new TokenPayOutcomeUnknownException(
				operation + " " + outTradeNo + " may have been applied: its answer was lost or unusable ("
						+ unknownOutcome.getClass().getSimpleName()
						+ ") and the order the gateway has under its outTradeNo " + "differs from the request ("
						+ String.join("; ", mismatches) + "). Do not create it again under "
						+ "another outTradeNo before finding out what was paid",
				operation, outTradeNo, differs, unknownOutcome);
	}

	private <T> T find(String operation, String outTradeNo, TokenPayException unknownOutcome, Supplier<T> query,
			String queryHint) {
		TokenPayException last = unknownOutcome;
		BackOffExecution backOff = backOff().start();
		for (long wait = backOff.nextBackOff(); wait != BackOffExecution.STOP; wait = backOff.nextBackOff()) {
			if (!sleep(Duration.ofMillis(wait))) {
				break;
			}
			try {
				return query.get();
			}
			catch (TokenPayApiException ex) {
				last = ex;
				if (ex.getCode() != DATA_ABSENT && !ex.isRetryable()) {
					break;
				}
			}
			catch (TokenPayException ex) {
				last = ex;
			}
		}
		boolean unverifiable = unknownOutcome instanceof TokenPaySignatureException
				&& last instanceof TokenPaySignatureException;
		throw new TokenPayOutcomeUnknownException(operation + " " + outTradeNo
				+ " may have been applied: its answer was lost (" + unknownOutcome.getClass().getSimpleName()
				+ ") and querying its outTradeNo did not find it (" + describe(last) + "). "
				+ (unverifiable ? "Every answer failed signature verification, so the app secret is probably wrong ("
						+ last.getMessage() + "). " : "")
				+ "Query it later with " + queryHint
				+ ", or repeat the create with the same outTradeNo, which the gateway never applies twice", operation,
				outTradeNo, last, unknownOutcome);
	}

	/**
	 * Run a create keyed by its {@code outTradeNo} so that it takes effect once, the one
	 * order lifecycle of payouts and pay-in orders: the create's own answer when it has
	 * one; for code {@value #DATA_EXISTS} (the order number is taken) the order the query
	 * finds, accepted only if it is the one asked for (else the conflict); for an unknown
	 * outcome the order the queries find ({@link #resolve}). Every other failure is
	 * thrown as it is.
	 * @param <R> the result of the create
	 * @param <F> the order a query finds
	 * @param operation the create's operation name, such as {@code create-payout}
	 * @param create the create's call, about its order number
	 * @param send sends the create
	 * @param query the query by order number
	 * @param queryHint how the caller can query later, such as
	 * {@code getByOutTradeNo("…")}
	 * @param found makes the result of an order that a query found
	 * @param conflict makes the failure of a taken order number whose order differs
	 * @return the created order
	 */
	public <R, F extends AnswerSubject> R createOnce(String operation, OperationRequest create, Supplier<R> send,
			Supplier<F> query, String queryHint, Function<F, R> found,
			BiFunction<TokenPayApiException, F, ? extends TokenPayException> conflict) {
		TokenPayException failure;
		try {
			return send.get();
		}
		catch (TokenPayException ex) {
			failure = ex;
		}
		if (failure instanceof TokenPayApiException rejection && rejection.getCode() == DATA_EXISTS) {
			F existing = existing(rejection, query);
			if (AnswerBinding.mismatches(create.expectations(), existing).isEmpty()) {
				return found.apply(existing);
			}
			throw conflict.apply(rejection, existing);
		}
		if (failure.isOutcomeUnknown()) {
			return found.apply(resolve(operation, create, failure, query, queryHint));
		}
		throw failure;
	}

	/**
	 * Look for the order that a create refused as existing says is there: the one
	 * requested, when an earlier create went through, or another one. A failed query
	 * throws the refusal, with the query's failure suppressed.
	 */
	private static <T> T existing(TokenPayApiException rejection, Supplier<T> query) {
		try {
			return query.get();
		}
		catch (TokenPayException ex) {
			rejection.addSuppressed(ex);
			throw rejection;
		}
	}

	private static String describe(TokenPayException failure) {
		return (failure instanceof TokenPayApiException api) ? "code " + api.getCode()
				: failure.getClass().getSimpleName();
	}

	/**
	 * Spring's exponential back-off: the delay before the first query, doubled before
	 * each next one, as many times as there are attempts; the sleeper does the waiting.
	 */
	private BackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.delay.toMillis(), 2);
		backOff.setMaxInterval(Long.MAX_VALUE);
		backOff.setMaxAttempts(this.attempts);
		return backOff;
	}

	private boolean sleep(Duration delay) {
		try {
			this.sleeper.sleep(delay);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
