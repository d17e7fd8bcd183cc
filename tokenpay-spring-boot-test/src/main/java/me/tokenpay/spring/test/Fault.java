package me.tokenpay.spring.test;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * A way for {@link MockTokenPayServer} to misbehave when answering a request. Create
 * instances with the static factory methods and hand them to
 * {@link MockTokenPayServer#enqueue(Fault)} (next request) or
 * {@link MockTokenPayServer#injectForPayout(String, Fault)} (every request about a
 * payout) or {@link MockTokenPayServer#enqueueFor(String, Fault)} (next request of an
 * operation). {@link Kind#DELAY}, {@link Kind#WRONG_SIGNATURE},
 * {@link Kind#MISSING_SIGNATURE_HEADERS}, {@link Kind#SLOW_BODY} and
 * {@link Kind#RESET_AFTER_APPLYING} apply the operation (a payout is created or closed)
 * before misbehaving; the other kinds change nothing.
 *
 * @author TokenPay Spring Boot team
 */
public final class Fault {

	/**
	 * The kinds of misbehaviour.
	 */
	public enum Kind {

		/**
		 * Process the request normally, then wait before answering: when the client gives
		 * up first, the gateway has acted but the client does not know.
		 */
		DELAY,

		/**
		 * Answer with an HTTP status and a plain-text body, without an envelope.
		 */
		HTTP_STATUS,

		/**
		 * Answer with a signed envelope carrying a gateway code, without touching any
		 * payout.
		 */
		GATEWAY_CODE,

		/**
		 * Answer with an HTML error page, as a proxy in front of the gateway would.
		 */
		HTML_ERROR_PAGE,

		/**
		 * Answer with JSON cut off in the middle.
		 */
		TRUNCATED_JSON,

		/**
		 * Answer 200 with an empty body.
		 */
		EMPTY_BODY,

		/**
		 * Answer with a body of a given size.
		 */
		OVERSIZED_BODY,

		/**
		 * Process normally, but sign the answer with another secret.
		 */
		WRONG_SIGNATURE,

		/**
		 * Process normally, but send no signature headers.
		 */
		MISSING_SIGNATURE_HEADERS,

		/**
		 * Drop the connection without answering, after processing nothing.
		 */
		CONNECTION_RESET,

		/**
		 * Process normally, then send the answer one byte at a time with a pause between
		 * bytes.
		 */
		SLOW_BODY,

		/**
		 * Process the request normally, then drop the connection without answering: the
		 * gateway has acted but the client does not know.
		 */
		RESET_AFTER_APPLYING

	}

	private final Kind kind;

	private final int value;

	private final Duration duration;

	private Fault(Kind kind, int value, Duration duration) {
		this.kind = kind;
		this.value = value;
		this.duration = duration;
	}

	/**
	 * Process the request normally, then wait before answering.
	 * @param delay how long to wait
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		return new Fault(Kind.DELAY, 0, delay);
	}

	/**
	 * Answer with an HTTP status and a plain-text body.
	 * @param status the HTTP status, for example 503
	 * @return the fault
	 */
	public static Fault httpStatus(int status) {
		Assert.isTrue(status >= 100 && status <= 599, "Status must be between 100 and 599");
		return new Fault(Kind.HTTP_STATUS, status, Duration.ZERO);
	}

	/**
	 * Answer with a signed envelope carrying a gateway code, for example 11001 (rate
	 * limit).
	 * @param code the gateway code
	 * @return the fault
	 */
	public static Fault gatewayCode(int code) {
		return new Fault(Kind.GATEWAY_CODE, code, Duration.ZERO);
	}

	/**
	 * Answer 502 with an HTML error page.
	 * @return the fault
	 */
	public static Fault htmlErrorPage() {
		return new Fault(Kind.HTML_ERROR_PAGE, 502, Duration.ZERO);
	}

	/**
	 * Answer 200 with truncated JSON.
	 * @return the fault
	 */
	public static Fault truncatedJson() {
		return new Fault(Kind.TRUNCATED_JSON, 0, Duration.ZERO);
	}

	/**
	 * Answer 200 with an empty body.
	 * @return the fault
	 */
	public static Fault emptyBody() {
		return new Fault(Kind.EMPTY_BODY, 0, Duration.ZERO);
	}

	/**
	 * Answer 200 with a valid-looking JSON body of a given size.
	 * @param bytes the size of the body
	 * @return the fault
	 */
	public static Fault oversizedBody(int bytes) {
		Assert.isTrue(bytes > 64, "Size must be more than 64 bytes");
		return new Fault(Kind.OVERSIZED_BODY, bytes, Duration.ZERO);
	}

	/**
	 * Process the request normally but sign the answer with another secret.
	 * @return the fault
	 */
	public static Fault wrongSignature() {
		return new Fault(Kind.WRONG_SIGNATURE, 0, Duration.ZERO);
	}

	/**
	 * Process the request normally but send no signature headers.
	 * @return the fault
	 */
	public static Fault missingSignatureHeaders() {
		return new Fault(Kind.MISSING_SIGNATURE_HEADERS, 0, Duration.ZERO);
	}

	/**
	 * Close the connection without answering; the request is not processed.
	 * @return the fault
	 */
	public static Fault connectionReset() {
		return new Fault(Kind.CONNECTION_RESET, 0, Duration.ZERO);
	}

	/**
	 * Process the request normally (a create stores its payout), then close the
	 * connection without answering.
	 * @return the fault
	 */
	public static Fault resetAfterApplying() {
		return new Fault(Kind.RESET_AFTER_APPLYING, 0, Duration.ZERO);
	}

	/**
	 * Process the request normally, then send the answer one byte at a time.
	 * @param pause the pause before each byte
	 * @return the fault
	 */
	public static Fault slowBody(Duration pause) {
		return new Fault(Kind.SLOW_BODY, 0, pause);
	}

	/**
	 * Return the kind of misbehaviour.
	 * @return the kind
	 */
	public Kind getKind() {
		return this.kind;
	}

	int value() {
		return this.value;
	}

	Duration duration() {
		return this.duration;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case DELAY, SLOW_BODY -> this.kind + "(" + this.duration + ")";
			case HTTP_STATUS, GATEWAY_CODE, OVERSIZED_BODY -> this.kind + "(" + this.value + ")";
			default -> this.kind.toString();
		};
	}

}
