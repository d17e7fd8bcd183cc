package me.tokenpay.spring.client.operation;

/**
 * Where an operation's parameters go in the request.
 *
 * @author TokenPay Spring Boot team
 */
public enum ParameterLocation {

	/**
	 * In the JSON body, after {@code app_id} and {@code mch_id}.
	 */
	BODY,

	/**
	 * In the query string, which is then part of the signed URL; the body (for methods
	 * other than {@code GET}) carries {@code app_id} and {@code mch_id} only.
	 */
	QUERY

}
