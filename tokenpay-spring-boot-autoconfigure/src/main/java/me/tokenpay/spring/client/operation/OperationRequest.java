package me.tokenpay.spring.client.operation;

import java.util.Collections;
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
 * @author TokenPay Spring Boot team
 */
public record OperationRequest(Map<String, Object> parameters, @Nullable String resourceId) {

	/**
	 * Create a request.
	 * @param parameters the parameters by JSON field name, in order
	 * @param resourceId the id the call is about
	 */
	public OperationRequest {
		Assert.notNull(parameters, "Parameters must not be null");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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
		 * Build the request.
		 * @return the request
		 */
		public OperationRequest build() {
			return new OperationRequest(this.parameters, this.resourceId);
		}

	}

}
