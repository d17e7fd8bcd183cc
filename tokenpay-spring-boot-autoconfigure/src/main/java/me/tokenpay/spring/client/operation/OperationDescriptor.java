package me.tokenpay.spring.client.operation;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One TokenPay operation, described as data: everything the {@link TokenPayExchange}
 * needs to run it. Adding an operation means adding a descriptor and a typed method that
 * builds its {@link OperationRequest}.
 *
 * @param <T> the result type
 * @param name the operation's name, the {@code operation} key of its observation, for
 * example {@code create-payout}
 * @param method the HTTP method
 * @param path the path relative to the base URL, without query
 * @param signed whether requests carry a signed {@code Authorization} header
 * @param idempotency what repeating the operation does, which decides its retries
 * @param alreadyAppliedCodes gateway codes meaning that the change was already made (or
 * can no longer be made), such as 20005 for a cancel; after an attempt whose outcome is
 * unknown they end the call in a
 * {@link me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException}
 * @param parameterLocation where the operation's parameters go
 * @param decoder how an accepted answer becomes the result
 * @author TokenPay Spring Boot team
 */
public record OperationDescriptor<T>(String name, HttpMethod method, String path, boolean signed,
		Idempotency idempotency, Set<Integer> alreadyAppliedCodes, ParameterLocation parameterLocation,
		DataDecoder<T> decoder) {

	/**
	 * Check the descriptor.
	 * @param name the operation's name
	 * @param method the HTTP method
	 * @param path the path
	 * @param signed whether requests are signed
	 * @param idempotency what repeating the operation does
	 * @param alreadyAppliedCodes the codes meaning the change was already made
	 * @param parameterLocation where the parameters go
	 * @param decoder the decoder of accepted answers
	 * @throws IllegalArgumentException if a value is unusable
	 */
	public OperationDescriptor {
		Assert.hasText(name, "Name must not be blank");
		Assert.notNull(method, "Method must not be null");
		Assert.isTrue(path != null && path.startsWith("/") && path.indexOf('?') < 0 && path.indexOf('#') < 0,
				"Path must start with '/' and have no query or fragment");
		Assert.notNull(idempotency, "Idempotency must not be null");
		Assert.notNull(parameterLocation, "Parameter location must not be null");
		Assert.isTrue(!HttpMethod.GET.equals(method) || parameterLocation == ParameterLocation.QUERY,
				"A GET operation must send its parameters in the query string");
		Assert.notNull(decoder, "Decoder must not be null");
		alreadyAppliedCodes = Set.copyOf(alreadyAppliedCodes);
	}

	/**
	 * Start describing a signed {@code POST} operation whose parameters go in the body.
	 * @param <T> the result type
	 * @param name the operation's name
	 * @param path the path relative to the base URL
	 * @param idempotency what repeating the operation does
	 * @param decoder how an accepted answer becomes the result
	 * @return the descriptor
	 */
	public static <T> OperationDescriptor<T> post(String name, String path, Idempotency idempotency,
			DataDecoder<T> decoder) {
		return new OperationDescriptor<>(name, HttpMethod.POST, path, true, idempotency, Set.of(),
				ParameterLocation.BODY, decoder);
	}

	/**
	 * Start describing an unsigned {@code GET} operation, such as the currency list.
	 * @param <T> the result type
	 * @param name the operation's name
	 * @param path the path relative to the base URL
	 * @param decoder how an accepted answer becomes the result
	 * @return the descriptor, {@link Idempotency#SAFE safe}
	 */
	public static <T> OperationDescriptor<T> unsignedGet(String name, String path, DataDecoder<T> decoder) {
		return new OperationDescriptor<>(name, HttpMethod.GET, path, false, Idempotency.SAFE, Set.of(),
				ParameterLocation.QUERY, decoder);
	}

	/**
	 * Return a copy with another path, for example from a property.
	 * @param path the path relative to the base URL
	 * @return the copy
	 */
	public OperationDescriptor<T> withPath(String path) {
		return new OperationDescriptor<>(this.name, this.method, path, this.signed, this.idempotency,
				this.alreadyAppliedCodes, this.parameterLocation, this.decoder);
	}

	/**
	 * Return a copy of a query sent the way a property chose.
	 * @param queryMethod how the query sends its ids
	 * @return the copy
	 */
	public OperationDescriptor<T> withQueryMethod(QueryMethod queryMethod) {
		return new OperationDescriptor<>(this.name, queryMethod.httpMethod(), this.path, this.signed, this.idempotency,
				this.alreadyAppliedCodes, queryMethod.parameterLocation(), this.decoder);
	}

	/**
	 * Return a copy sent with another method and parameter location, for an operation
	 * whose documents disagree on both separately.
	 * @param method the HTTP method
	 * @param parameterLocation where the parameters go; {@code GET} needs
	 * {@link ParameterLocation#QUERY}
	 * @return the copy
	 */
	public OperationDescriptor<T> withRequestShape(HttpMethod method, ParameterLocation parameterLocation) {
		return new OperationDescriptor<>(this.name, method, this.path, this.signed, this.idempotency,
				this.alreadyAppliedCodes, parameterLocation, this.decoder);
	}

	/**
	 * Return a copy with another decoder, for a result that depends on the call, such as
	 * the one balance of several that was asked for.
	 * @param <R> the result type
	 * @param decoder how an accepted answer becomes the result
	 * @return the copy
	 */
	public <R> OperationDescriptor<R> withDecoder(DataDecoder<R> decoder) {
		return new OperationDescriptor<>(this.name, this.method, this.path, this.signed, this.idempotency,
				this.alreadyAppliedCodes, this.parameterLocation, decoder);
	}

	/**
	 * Return a copy with other already-applied codes.
	 * @param codes the gateway codes meaning that the change was already made
	 * @return the copy
	 */
	public OperationDescriptor<T> withAlreadyAppliedCodes(Set<Integer> codes) {
		return new OperationDescriptor<>(this.name, this.method, this.path, this.signed, this.idempotency, codes,
				this.parameterLocation, this.decoder);
	}

	/**
	 * Return whether requests of this operation carry a body.
	 * @return {@code false} for {@code GET}
	 */
	boolean hasBody() {
		return !HttpMethod.GET.equals(this.method);
	}

}
