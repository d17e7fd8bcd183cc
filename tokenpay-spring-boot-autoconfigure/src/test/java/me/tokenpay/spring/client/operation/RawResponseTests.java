package me.tokenpay.spring.client.operation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.error.TokenPayResponseHeadersTooLargeException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RawResponse}: the limits on the body and the headers, at their edges.
 *
 * @author TokenPay Spring Boot team
 */
class RawResponseTests {

	private static final int MAX = 64;

	@Test
	void aBodyOfExactlyTheLimitIsReadWithOrWithoutALength() throws IOException {
		byte[] body = new byte[MAX];
		Arrays.fill(body, (byte) 'x');
		assertThat(RawResponse.read(response(body, true), MAX, null).body()).isEqualTo(body);
		assertThat(RawResponse.read(response(body, false), MAX, null).body()).isEqualTo(body);
	}

	@Test
	void aBodyOneByteOverTheLimitIsRefusedWithOrWithoutALength() {
		byte[] body = new byte[MAX + 1];
		assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
			.isThrownBy(() -> RawResponse.read(response(body, true), MAX, null))
			.satisfies((ex) -> assertThat(ex.getMaxSize()).isEqualTo(MAX));
		assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
			.isThrownBy(() -> RawResponse.read(response(body, false), MAX, null));
	}

	@Test
	void aBodyLongerThanItsBufferGrowsToItsEnd() throws IOException {
		byte[] body = new byte[20_000];
		Arrays.fill(body, (byte) 'y');
		assertThat(RawResponse.read(response(body, false), 100_000, null).body()).isEqualTo(body);
	}

	@Test
	void aBodyShorterThanItsDeclaredLengthIsWhatArrived() throws IOException {
		MockClientHttpResponse response = new MockClientHttpResponse(new byte[10], HttpStatus.OK);
		response.getHeaders().setContentLength(20);
		assertThat(RawResponse.read(response, MAX, null).body()).hasSize(10);
	}

	@Test
	void headersOfExactlyTheLimitAreAcceptedAndOneByteMoreRefused() throws IOException {
		assertThat(
				RawResponse.read(withHeaderBytes(TokenPayClientSettings.MAX_RESPONSE_HEADER_SIZE), MAX, null).status())
			.isEqualTo(200);
		assertThatExceptionOfType(TokenPayResponseHeadersTooLargeException.class).isThrownBy(
				() -> RawResponse.read(withHeaderBytes(TokenPayClientSettings.MAX_RESPONSE_HEADER_SIZE + 1), MAX, null))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
	}

	@Test
	void anAnswerStillArrivingAfterItsDeadlineIsCutShort() {
		InputStream slow = new ByteArrayInputStream(new byte[MAX]) {

			@Override
			public synchronized int read(byte[] bytes, int offset, int length) {
				return super.read(bytes, offset, Math.min(length, 1));
			}

		};
		MockClientHttpResponse response = new MockClientHttpResponse(slow, HttpStatus.OK);
		long passed = System.nanoTime() - 1;
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> RawResponse.read(response, MAX, passed))
			.withMessageContaining("tokenpay.read-timeout");
	}

	@Test
	void onlyTwoHundredsAreSuccessful() {
		assertThat(new RawResponse(200, new HttpHeaders(), new byte[0]).isSuccessful()).isTrue();
		assertThat(new RawResponse(299, new HttpHeaders(), new byte[0]).isSuccessful()).isTrue();
		assertThat(new RawResponse(199, new HttpHeaders(), new byte[0]).isSuccessful()).isFalse();
		assertThat(new RawResponse(300, new HttpHeaders(), new byte[0]).isSuccessful()).isFalse();
	}

	private static MockClientHttpResponse response(byte[] body, boolean declareLength) {
		MockClientHttpResponse response = new MockClientHttpResponse(body, HttpStatus.OK);
		if (declareLength) {
			response.getHeaders().setContentLength(body.length);
		}
		return response;
	}

	/**
	 * An answer whose headers count exactly the given bytes: name, value and four bytes
	 * of separators and line end each.
	 */
	private static MockClientHttpResponse withHeaderBytes(int bytes) {
		MockClientHttpResponse response = new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		String name = "X-Pad";
		response.getHeaders().add(name, "v".repeat(bytes - name.length() - 4));
		return response;
	}

}
