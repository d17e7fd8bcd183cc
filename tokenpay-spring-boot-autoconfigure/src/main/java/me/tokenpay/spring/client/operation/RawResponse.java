package me.tokenpay.spring.client.operation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayResponseHeadersTooLargeException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An answer as it arrived: status, headers and the body bytes, read up to a limit.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body
 * @author TokenPay Spring Boot team
 */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

	/**
	 * Read an answer, refusing bodies over a limit without reading past it, and answers
	 * that keep arriving after a deadline: a server that drips bytes slowly cannot hold a
	 * call for longer than the read timeout, whatever the client's per-read timeout.
	 * @param response the HTTP response
	 * @param maxSize the largest body accepted, in bytes
	 * @param deadline the {@link System#nanoTime()} by which the body must have arrived,
	 * {@code null} for none
	 * @return the answer
	 * @throws IOException if reading fails or the deadline passes
	 * @throws TokenPayResponseTooLargeException if the body exceeds the limit
	 */
	static RawResponse read(ClientHttpResponse response, long maxSize, @Nullable Long deadline) throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = response.getHeaders();
		InputStream body = response.getBody();
		boolean ended = false;
		try {
			if (headerSize(headers) > TokenPayClientSettings.MAX_RESPONSE_HEADER_SIZE) {
				throw new TokenPayResponseHeadersTooLargeException(status, null);
			}
			long contentLength = headers.getContentLength();
			if (contentLength > maxSize) {
				throw new TokenPayResponseTooLargeException(status, maxSize);
			}
			// A declared length bounds the read and sizes the buffer exactly; HTTP
			// framing
			// ends the body there
			int limit = (int) Math.min(Integer.MAX_VALUE - 8, (contentLength >= 0) ? contentLength : maxSize + 1);
			byte[] bytes = new byte[(contentLength >= 0) ? limit : Math.min(limit, 8192)];
			int length = 0;
			while (length < limit) {
				if (length == bytes.length) {
					bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
				}
				int read = body.read(bytes, length, bytes.length - length);
				if (read < 0) {
					break;
				}
				length += read;
				if (deadline != null && length < limit && System.nanoTime() - deadline > 0) {
					throw new IOException("the answer was still arriving when tokenpay.read-timeout expired");
				}
			}
			if (length > maxSize) {
				throw new TokenPayResponseTooLargeException(status, maxSize);
			}
			// Reach the end of the stream before closing it: the JDK HttpClient drops a
			// connection whose body is closed before its end was seen
			ended = length < limit || body.read() < 0;
			return new RawResponse(status, headers, (length == bytes.length) ? bytes : Arrays.copyOf(bytes, length));
		}
		catch (IOException ex) {
			throw new IOException("the answer was cut short: the connection closed or tokenpay.read-timeout expired "
					+ "while it was being read", ex);
		}
		finally {
			if (ended) {
				body.close();
			}
			else {
				ConnectionAbort.abort(body);
			}
		}
	}

	private static long headerSize(HttpHeaders headers) {
		long[] size = new long[1];
		headers.forEach((name, values) -> values.forEach((value) -> size[0] += name.length() + value.length() + 4));
		return size[0];
	}

	/**
	 * Return the declared content type.
	 * @return the content type, {@code null} if absent
	 * @throws TokenPayNonJsonResponseException if the header cannot be parsed
	 */
	@Nullable MediaType contentType() {
		try {
			return this.headers.getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			throw new TokenPayNonJsonResponseException(this.status, this.headers.getFirst(HttpHeaders.CONTENT_TYPE));
		}
	}

	boolean isSuccessful() {
		return this.status >= 200 && this.status < 300;
	}

}
