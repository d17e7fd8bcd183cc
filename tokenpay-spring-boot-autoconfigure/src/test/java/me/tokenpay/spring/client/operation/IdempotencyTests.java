package me.tokenpay.spring.client.operation;

import java.net.ConnectException;

import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Idempotency}: which failures each class retries.
 *
 * @author TokenPay Spring Boot team
 */
class IdempotencyTests {

	private static final TokenPayException CONNECT_REFUSED = new TokenPayTransportException("refused",
			new ConnectException(), false);

	private static final TokenPayException RESET_AFTER_SENDING = new TokenPayTransportException("reset", null, true);

	private static final TokenPayException READ_TIMEOUT = new TokenPayTimeoutException("late", null, true);

	private static final TokenPayException CONNECT_TIMEOUT = new TokenPayTimeoutException("late", null, false);

	private static final TokenPayException GATEWAY_RATE_LIMIT = new TokenPayApiException(11001, "too often", null, 200);

	private static final TokenPayException FREQUENCY_LIMIT = new TokenPayApiException(20004, "too often", null, 200);

	private static final TokenPayException OPERATION_FAILED = new TokenPayApiException(11000, "failed", null, 200);

	private static final TokenPayException SERVER_ERROR = new TokenPayApiException(500, "internal", null, 503);

	private static final TokenPayException EMPTY_502 = new TokenPayEmptyResponseException(502);

	private static final TokenPayException INVALID_PARAMETER = new TokenPayApiException(20005, "invalid", null, 200);

	@Test
	void safeAndIdempotentOperationsRetryEveryRetryableFailure() {
		for (Idempotency idempotency : new Idempotency[] { Idempotency.SAFE, Idempotency.IDEMPOTENT }) {
			assertThat(idempotency.allowsRetryAfter(CONNECT_REFUSED)).isTrue();
			assertThat(idempotency.allowsRetryAfter(RESET_AFTER_SENDING)).isTrue();
			assertThat(idempotency.allowsRetryAfter(READ_TIMEOUT)).isTrue();
			assertThat(idempotency.allowsRetryAfter(GATEWAY_RATE_LIMIT)).isTrue();
			assertThat(idempotency.allowsRetryAfter(OPERATION_FAILED)).isTrue();
			assertThat(idempotency.allowsRetryAfter(SERVER_ERROR)).isTrue();
			assertThat(idempotency.allowsRetryAfter(EMPTY_502)).isTrue();
			assertThat(idempotency.allowsRetryAfter(INVALID_PARAMETER)).isFalse();
		}
	}

	@Test
	void notIdempotentOperationsRetryOnlyWhatNeverReachedTheGateway() {
		Idempotency create = Idempotency.NOT_IDEMPOTENT;
		assertThat(create.allowsRetryAfter(CONNECT_REFUSED)).isTrue();
		assertThat(create.allowsRetryAfter(CONNECT_TIMEOUT)).isTrue();
		assertThat(create.allowsRetryAfter(GATEWAY_RATE_LIMIT)).isTrue();
		assertThat(create.allowsRetryAfter(FREQUENCY_LIMIT)).isTrue();
		assertThat(create.allowsRetryAfter(RESET_AFTER_SENDING)).isFalse();
		assertThat(create.allowsRetryAfter(READ_TIMEOUT)).isFalse();
		assertThat(create.allowsRetryAfter(OPERATION_FAILED)).isFalse();
		assertThat(create.allowsRetryAfter(SERVER_ERROR)).isFalse();
		assertThat(create.allowsRetryAfter(EMPTY_502)).isFalse();
		assertThat(create.allowsRetryAfter(INVALID_PARAMETER)).isFalse();
	}

}
