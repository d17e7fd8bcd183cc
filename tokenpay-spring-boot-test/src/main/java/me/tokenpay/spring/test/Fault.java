package me.tokenpay.spring.test;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A way for {@link MockTokenPayServer} to misbehave when answering a request. Create
 * instances with the static factory methods and hand them to
 * {@link MockTokenPayServer#enqueue(Fault)} (next request) or
 * {@link MockTokenPayServer#injectForPayout(String, Fault)} (every request about a
 * payout) or {@link MockTokenPayServer#enqueueFor(String, Fault)} (next request of an
 * operation). {@link Kind#DELAY}, {@link Kind#WRONG_SIGNATURE},
 * {@link Kind#MISSING_SIGNATURE_HEADERS}, {@link Kind#SLOW_BODY},
 * {@link Kind#RESET_AFTER_APPLYING}, {@link Kind#ANOTHER_ORDER},
 * {@link Kind#FIELD_DIFFERS}, {@link Kind#HUGE_HEADERS}, {@link Kind#BYTES_BEHIND_BODY}
 * and {@link Kind#DRIPPING_HEADERS} apply the operation (a payout is created or closed)
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
		RESET_AFTER_APPLYING,

		/**
		 * Process the request normally, then answer, correctly signed, about another
		 * order: the answer's {@code data} names another {@code out_trade_no} and
		 * {@code transaction_id}.
		 */
		ANOTHER_ORDER,

		/**
		 * Process the request normally, then answer, correctly signed, with one field of
		 * {@code data} set to another value, such as an amount the request did not ask
		 * for.
		 */
		FIELD_DIFFERS,

		/**
		 * Process the request normally, then answer with a header of a given size.
		 */
		HUGE_HEADERS,

		/**
		 * Process the request normally, answer, then write more bytes behind the body on
		 * the connection kept alive, such as a second, smuggled answer.
		 */
		BYTES_BEHIND_BODY,

		/**
		 * Process the request normally, then send the status line and headers one byte at
		 * a time with a pause between bytes.
		 */
		DRIPPING_HEADERS

	}

	private final Kind kind;

	private final int value;

	private final Duration duration;

	private final @Nullable String field;

	private final @Nullable Object replacement;

	private Fault(Kind kind, int value, Duration duration) {
		this(kind, value, duration, null, null);
	}

	private Fault(Kind kind, int value, Duration duration, @Nullable String field, @Nullable Object replacement) {
		this.kind = kind;
		this.value = value;
		this.duration = duration;
		this.field = field;
		this.replacement = replacement;
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
	 * Process the request normally, then answer about another order: the {@code data} of
	 * the answer names this order number and a transaction id of its own.
	 * @param outTradeNo the order number the answer names
	 * @return the fault
	 */
	public static Fault answerAbout(String outTradeNo) {
		Assert.hasText(outTradeNo, "Order number must not be blank");
		return new Fault(Kind.ANOTHER_ORDER, 0, Duration.ZERO, "out_trade_no", outTradeNo);
	}

	/**
	 * Process the request normally, then answer with one field of {@code data} set to
	 * another value (or added), for example {@code fieldDiffers("amount", 99)}.
	 * @param field the JSON field name in {@code data}
	 * @param value a string, a number or a boolean, written as that JSON type
	 * @return the fault
	 */
	public static Fault fieldDiffers(String field, Object value) {
		Assert.hasText(field, "Field must not be blank");
		Assert.isTrue(value instanceof String || value instanceof Number || value instanceof Boolean,
				"Value must be a string, a number or a boolean");
		return new Fault(Kind.FIELD_DIFFERS, 0, Duration.ZERO, field, value);
	}

	/**
	 * Process the request normally, then answer with an extra header whose value has a
	 * given size.
	 * @param bytes the size of the header's value
	 * @return the fault
	 */
	public static Fault hugeHeaders(int bytes) {
		Assert.isTrue(bytes > 0, "Size must be positive");
		return new Fault(Kind.HUGE_HEADERS, bytes, Duration.ZERO);
	}

	/**
	 * Process the request normally, answer, then write bytes behind the answer's body on
	 * the connection, which stays open: a client that reads them as the answer to its
	 * next call on that connection reads an answer meant for no call of its own.
	 * @param bytes the bytes, for example a whole HTTP answer
	 * @return the fault
	 */
	public static Fault bytesBehindBody(String bytes) {
		Assert.hasLength(bytes, "Bytes must not be empty");
		return new Fault(Kind.BYTES_BEHIND_BODY, 0, Duration.ZERO, null, bytes);
	}

	/**
	 * Process the request normally, then send the status line and headers one byte at a
	 * time: each byte resets a per-read socket timeout, so only a deadline on the whole
	 * head ends the call in time.
	 * @param pause the pause before each byte
	 * @return the fault
	 */
	public static Fault drippingHeaders(Duration pause) {
		Assert.isTrue(!pause.isNegative(), "Pause must not be negative");
		return new Fault(Kind.DRIPPING_HEADERS, 0, pause);
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

	@Nullable String field() {
		return this.field;
	}

	@Nullable Object replacement() {
		return this.replacement;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case DELAY, SLOW_BODY, DRIPPING_HEADERS -> this.kind + "(" + this.duration + ")";
			case HTTP_STATUS, GATEWAY_CODE, OVERSIZED_BODY, HUGE_HEADERS -> this.kind + "(" + this.value + ")";
			case ANOTHER_ORDER, FIELD_DIFFERS -> this.kind + "(" + this.field + "=" + this.replacement + ")";
			default -> this.kind.toString();
		};
	}

}
