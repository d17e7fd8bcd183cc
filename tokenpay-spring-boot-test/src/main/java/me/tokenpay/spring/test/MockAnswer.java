package me.tokenpay.spring.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * What a {@link MockOperationHandler} answers: TokenPay's envelope ({@code code},
 * {@code msg}, {@code request_id}, optionally {@code data}), signed by the server when it
 * is sent.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockAnswer {

	private final Answer answer;

	MockAnswer(Answer answer) {
		this.answer = answer;
	}

	/**
	 * Answer code {@code 0} with data.
	 * @param data the {@code data} member: a {@link JsonNode}, a map, a record or any
	 * value Jackson writes; {@code null} for none
	 * @return the answer
	 */
	public static MockAnswer success(@Nullable Object data) {
		JsonNode tree = (data != null) ? Answer.JSON.valueToTree(data) : null;
		return new MockAnswer(Answer.envelope(0, "success", tree, "success"));
	}

	/**
	 * Answer a gateway code, such as {@code 12002} (data is absence).
	 * @param code the code, not {@code 0}
	 * @param msg the message
	 * @return the answer
	 */
	public static MockAnswer rejection(int code, String msg) {
		Assert.isTrue(code != 0, "A rejection has a code other than 0");
		Assert.notNull(msg, "Message must not be null");
		return new MockAnswer(Answer.envelope(code, msg, msg));
	}

	Answer answer() {
		return this.answer;
	}

}
