package me.tokenpay.spring.client.operation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The parameters of one call, already checked by the typed method that builds it, in the
 * order they are sent. {@code app_id} and {@code mch_id} are added by the
 * {@link TokenPayExchange}.
 *
 * @param parameters the parameters by JSON field name, in order; values are strings or
 * numbers
 * @param resourceId the payout id, {@code out_trade_no} or other id the call is about,
 * for observations and for exceptions that tell what to query; {@code null} if none
 * @param expectations what the answer must say of each {@link AnswerField} when it says
 * anything of it: the ids the call asked about and the money fields a create sends (see
 * {@link AnswerBinding})
 * @author TokenPay Spring Boot team
 */
public record OperationRequest(Map<String, Object> parameters, @Nullable String resourceId,
		Map<AnswerField, Object> expectations) {

	/**
	 * Create a request.
	 * @param parameters the parameters by JSON field name, in order
	 * @param resourceId the id the call is about
	 * @param expectations what the answer must say of each field it states
	 */
	public OperationRequest {
		Assert.notNull(parameters, "Parameters must not be null");
		Assert.notNull(expectations, "Expectations must not be null");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		Map<AnswerField, Object> expected = new EnumMap<>(AnswerField.class);
		expected.putAll(expectations);
		expectations = Collections.unmodifiableMap(expected);
	}

	/**
	 * Create a request whose answer is not checked against it.
	 * @param parameters the parameters by JSON field name, in order
	 * @param resourceId the id the call is about
	 */
	public OperationRequest(Map<String, Object> parameters, @Nullable String resourceId) {
		this(parameters, resourceId, Map.of());
	}

	/**
	 * Start a request about a resource.
	 * @param resourceId the id the call is about, {@code null} if none
	 * @return a builder
	 */
	public static Builder about(@Nullable String resourceId) {
		return new Builder(resourceId);
	}

	/**
	 * Builds an {@link OperationRequest}, leaving out absent parameters.
	 */
	public static final class Builder {

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		private final Map<AnswerField, Object> expectations = new EnumMap<>(AnswerField.class);

		private final @Nullable String resourceId;

		private Builder(@Nullable String resourceId) {
			this.resourceId = resourceId;
		}

		/**
		 * Add a parameter unless its value is {@code null}.
		 * @param name the JSON field name
		 * @param value a string or a number
		 * @return this builder
		 */
		public Builder parameter(String name, @Nullable Object value) {
			Assert.hasText(name, "Name must not be blank");
			if (value != null) {
				Assert.isTrue(value instanceof String || value instanceof Number,
						() -> "Parameter " + name + " must be a string or a number");
				this.parameters.put(name, value);
			}
			return this;
		}

		/**
		 * Add a parameter that the answer must echo unchanged when it states the field.
		 * @param field the field, whose JSON name is the parameter's
		 * @param value what is sent; {@code null} adds nothing
		 * @return this builder
		 */
		public Builder bound(AnswerField field, @Nullable Object value) {
			return parameter(field.jsonName(), value).expect(field, value);
		}

		/**
		 * Expect the answer, when it states a field, to state a given value.
		 * @param field the field
		 * @param value the value the answer must state; {@code null} expects nothing
		 * @return this builder
		 */
		public Builder expect(AnswerField field, @Nullable Object value) {
			if (value != null) {
				this.expectations.put(field, value);
			}
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public OperationRequest build() {
			return new OperationRequest(this.parameters, this.resourceId, this.expectations);
		}

	}

}
