package me.tokenpay.spring.client.error;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes text that came from the network safe to put into an exception message, a
 * {@code toString()} or a log line: control characters (C0, C1, line and paragraph
 * separators, bidirectional overrides) are escaped as {@code \\uXXXX}, so gateway text
 * can never start a forged log line or move the cursor, and the length is bounded, with
 * the cut marked.
 *
 * @author TokenPay Spring Boot team
 */
public final class GatewayText {

	/**
	 * The longest gateway {@code msg} kept.
	 */
	public static final int MAX_MSG_LENGTH = 512;

	/**
	 * The longest {@code request_id} kept.
	 */
	public static final int MAX_REQUEST_ID_LENGTH = 128;

	/**
	 * The longest other gateway text kept, such as a header value or a parser's message.
	 */
	public static final int MAX_DETAIL_LENGTH = 256;

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_REQUEST_ID_LENGTH + "}");

	private GatewayText() {
	}

	/**
	 * Return gateway text with control characters escaped, cut to a length.
	 * @param text the text, {@code null} if absent
	 * @param maxLength the longest result before the cut mark
	 * @return the safe text, {@code null} if the text was
	 */
	public static @Nullable String safe(@Nullable String text, int maxLength) {
		if (text == null) {
			return null;
		}
		int kept = Math.min(text.length(), maxLength);
		if (kept > 0 && kept < text.length() && Character.isHighSurrogate(text.charAt(kept - 1))) {
			kept--;
		}
		StringBuilder safe = new StringBuilder(kept + 16);
		for (int i = 0; i < kept; i++) {
			char c = text.charAt(i);
			if (isUnsafe(c)) {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		if (kept < text.length()) {
			safe.append("…[cut ").append(text.length() - kept).append(" chars]");
		}
		return safe.toString();
	}

	/**
	 * Return a request id as kept: unchanged when it has the shape of an id (letters,
	 * digits, {@code . _ : -}, at most {@value #MAX_REQUEST_ID_LENGTH} characters),
	 * otherwise escaped and cut.
	 * @param requestId the request id, {@code null} if absent
	 * @return the kept request id
	 */
	public static @Nullable String requestId(@Nullable String requestId) {
		if (requestId == null || REQUEST_ID.matcher(requestId).matches()) {
			return requestId;
		}
		return safe(requestId, MAX_REQUEST_ID_LENGTH);
	}

	/**
	 * Return a cause whose messages, all down its chain, are safe to print: the cause
	 * itself when they are, otherwise a copy of the chain with each message escaped and
	 * cut, the original class names and stack traces kept. HTTP clients and parsers quote
	 * what they received in their messages, which a logged stack trace would print.
	 * @param cause the cause, {@code null} if none
	 * @return the safe cause
	 */
	public static @Nullable Throwable safeCause(@Nullable Throwable cause) {
		if (cause == null || isSafeChain(cause)) {
			return cause;
		}
		return new EscapedCause(cause);
	}

	private static boolean isSafeChain(Throwable cause) {
		int depth = 0;
		for (Throwable each = cause; each != null && depth < 32; each = each.getCause(), depth++) {
			String message = each.getMessage();
			if (message != null && (message.length() > MAX_DETAIL_LENGTH * 4
					|| message.chars().anyMatch((c) -> isUnsafe((char) c)))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnsafe(char c) {
		return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
				|| (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
	}

	/**
	 * A cause whose message was escaped: it names the original class and keeps its stack
	 * trace.
	 */
	private static final class EscapedCause extends Exception {

		EscapedCause(Throwable original) {
			super(original.getClass().getName() + ": " + safe(original.getMessage(), MAX_DETAIL_LENGTH),
					safeCause(original.getCause()), false, true);
			setStackTrace(original.getStackTrace());
		}

		@Override
		public String toString() {
			return String.valueOf(getMessage());
		}

	}

}
