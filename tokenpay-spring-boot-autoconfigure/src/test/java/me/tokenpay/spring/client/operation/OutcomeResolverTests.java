package me.tokenpay.spring.client.operation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OutcomeResolver}: the queries it makes, the waits it asks for (through
 * a recording {@link Sleeper}, never by the clock) and what it accepts.
 *
 * @author TokenPay Spring Boot team
 */
class OutcomeResolverTests {

	private static final String OUT_TRADE_NO = "order-1";

	private static final OperationRequest CREATE = OperationRequest.about(OUT_TRADE_NO)
		.bound(AnswerField.OUT_TRADE_NO, OUT_TRADE_NO)
		.expect(AnswerField.AMOUNT, new BigDecimal("12.5"))
		.build();

	private static final TokenPayException LOST = new TokenPayTimeoutException("lost", null, true);

	private final List<Duration> waits = new ArrayList<>();

	private final AtomicInteger queries = new AtomicInteger();

	private OutcomeResolver resolver(int attempts) {
		return new OutcomeResolver(attempts, Duration.ofMillis(100), this.waits::add);
	}

	@Test
	void waitsTheDelayDoubledBeforeEachQueryAndStaysUnknownWhenNoneFindsTheOrder() {
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> resolver(3).resolve("create-payout", CREATE, LOST, failing(absent()), "query"))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.getOperation()).isEqualTo("create-payout");
				assertThat(ex.getCause()).isSameAs(LOST);
				assertThat(ex.getMessage()).contains("code 12002").contains("Query it later with query");
			});
		assertThat(this.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(this.queries).hasValue(3);
	}

	@Test
	void returnsTheOrderTheQueryFindsWhenItIsTheOneAskedFor() {
		Order order = new Order(OUT_TRADE_NO, new BigDecimal("12.50"));
		AtomicInteger calls = new AtomicInteger();
		Order found = resolver(3).resolve("create-payout", CREATE, LOST, () -> {
			if (calls.incrementAndGet() == 1) {
				throw absent();
			}
			return order;
		}, "query");
		assertThat(found).isSameAs(order);
		assertThat(this.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void anOrderThatDiffersFromTheCreateStaysUnknown() {
		Order other = new Order(OUT_TRADE_NO, new BigDecimal("99"));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> resolver(3).resolve("create-payout", CREATE, LOST, () -> other, "query"))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(OUT_TRADE_NO);
				assertThat(ex.getLastFailure()).isInstanceOf(TokenPayMismatchedResponseException.class);
				assertThat(ex.getMessage()).contains("amount is \"99\" where \"12.5\" was asked");
			});
	}

	@Test
	void aDefiniteRefusalOtherThanAbsentEndsTheQueries() {
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> resolver(3)
			.resolve("create-payout", CREATE, LOST, failing(new TokenPayApiException(103, "no", null, 200)), "query"));
		assertThat(this.queries).hasValue(1);
	}

	@Test
	void aRetryableRefusalGoesOn() {
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class).isThrownBy(() -> resolver(3)
			.resolve("create-payout", CREATE, LOST, failing(new TokenPayApiException(11001, "busy", null, 200)), "q"));
		assertThat(this.queries).hasValue(3);
	}

	@Test
	void anInterruptedWaitStopsTheQueriesAndKeepsTheInterrupt() {
		OutcomeResolver resolver = new OutcomeResolver(3, Duration.ofMillis(100), (duration) -> {
			throw new InterruptedException();
		});
		try {
			assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
				.isThrownBy(() -> resolver.resolve("create-payout", CREATE, LOST, failing(absent()), "query"));
			assertThat(this.queries).hasValue(0);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void answersThatNeverVerifySayTheSecretIsProbablyWrong() {
		TokenPaySignatureException unverified = new TokenPaySignatureException("check tokenpay.app-secret", null, null);
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> resolver(2).resolve("create-payout", CREATE, unverified, failing(unverified), "query"))
			.withMessageContaining("the app secret is probably wrong");
	}

	@Test
	void noAttemptsMakeNoQuery() {
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> resolver(0).resolve("create-payout", CREATE, LOST, failing(absent()), "query"));
		assertThat(this.queries).hasValue(0);
		assertThat(this.waits).isEmpty();
	}

	@Test
	void refusesUnusableSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeResolver(-1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeResolver(0, Duration.ofMillis(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutcomeResolver(0, Duration.ZERO, null));
	}

	@Test
	void aCallAboutNoOrderCannotBeResolved() {
		OperationRequest anonymous = OperationRequest.about(null).build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> resolver(1).resolve("create-payout", anonymous, LOST, failing(absent()), "query"));
	}

	@Test
	void longDelaysAreDoubledWithoutACap() {
		OutcomeResolver resolver = new OutcomeResolver(3, Duration.ofSeconds(20), this.waits::add);
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> resolver.resolve("create-payout", CREATE, LOST, failing(absent()), "query"));
		assertThat(this.waits).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80));
	}

	@Test
	void aCreateAnsweredIsItsAnswerAndNothingIsQueried() {
		assertThat(createOnce(() -> "created", failing(absent()))).isEqualTo("created");
		assertThat(this.queries).hasValue(0);
	}

	@Test
	void aTakenOrderNumberIsTheOrderAskedForOrAConflict() {
		TokenPayApiException exists = new TokenPayApiException(OutcomeResolver.DATA_EXISTS, "exists", null, 200);
		assertThat(createOnce(() -> {
			throw exists;
		}, () -> new Order(OUT_TRADE_NO, new BigDecimal("12.50")))).isEqualTo("found 12.50");
		assertThatIllegalStateException().isThrownBy(() -> createOnce(() -> {
			throw exists;
		}, () -> new Order(OUT_TRADE_NO, new BigDecimal("99")))).withMessage("conflict with 99 after code 12001");
		assertThat(this.waits).as("a taken order number is queried at once").isEmpty();
	}

	@Test
	void aTakenOrderNumberWhoseQueryFailsIsTheRefusalWithTheQueryFailureSuppressed() {
		TokenPayApiException exists = new TokenPayApiException(OutcomeResolver.DATA_EXISTS, "exists", null, 200);
		TokenPayApiException unavailable = new TokenPayApiException(11001, "busy", null, 200);
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> createOnce(() -> {
			throw exists;
		}, failing(unavailable))).satisfies((ex) -> {
			assertThat(ex).isSameAs(exists);
			assertThat(ex.getSuppressed()).containsExactly(unavailable);
		});
	}

	@Test
	void anUnknownOutcomeIsResolvedByQueryAndADefiniteFailureIsThrownAsItIs() {
		assertThat(createOnce(() -> {
			throw LOST;
		}, () -> new Order(OUT_TRADE_NO, new BigDecimal("12.5")))).isEqualTo("found 12.5");
		assertThat(this.waits).containsExactly(Duration.ofMillis(100));
		TokenPayApiException refused = new TokenPayApiException(20002, "balance", null, 200);
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> createOnce(() -> {
			throw refused;
		}, failing(absent()))).isSameAs(refused);
		assertThat(this.queries).hasValue(0);
	}

	private String createOnce(Supplier<String> send, Supplier<Order> query) {
		return resolver(3).createOnce("create-payout", CREATE, send, query, "query",
				(found) -> "found " + found.amount(), (rejection, found) -> {
					throw new IllegalStateException(
							"conflict with " + found.amount() + " after code " + rejection.getCode());
				});
	}

	private Supplier<Order> failing(TokenPayException failure) {
		return () -> {
			this.queries.incrementAndGet();
			throw failure;
		};
	}

	private static TokenPayApiException absent() {
		return new TokenPayApiException(12002, "Data is absence", null, 200);
	}

	record Order(String outTradeNo, BigDecimal amount) implements AnswerSubject {

		@Override
		public @Nullable Object answered(AnswerField field) {
			return switch (field) {
				case OUT_TRADE_NO -> this.outTradeNo;
				case AMOUNT -> this.amount;
				default -> null;
			};
		}

	}

}
