package me.tokenpay.spring.client.operation;

import org.springframework.http.HttpMethod;

/**
 * How a query sends the ids it looks for, where TokenPay's documents disagree.
 *
 * @author TokenPay Spring Boot team
 */
public enum QueryMethod {

	/**
	 * {@code POST} with the ids in the signed JSON body.
	 */
	POST(HttpMethod.POST, ParameterLocation.BODY),

	/**
	 * {@code GET} with the ids in the query string, which is part of the signed URL.
	 */
	GET(HttpMethod.GET, ParameterLocation.QUERY);

	private final HttpMethod httpMethod;

	private final ParameterLocation parameterLocation;

	QueryMethod(HttpMethod httpMethod, ParameterLocation parameterLocation) {
		this.httpMethod = httpMethod;
		this.parameterLocation = parameterLocation;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public HttpMethod httpMethod() {
		return this.httpMethod;
	}

	/**
	 * Return where the ids go.
	 * @return the parameter location
	 */
	public ParameterLocation parameterLocation() {
		return this.parameterLocation;
	}

}
