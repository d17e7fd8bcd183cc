package me.tokenpay.spring.client.signature;

/**
 * How strictly {@link ResponseVerifier} treats the {@code TTPay-Signature} of answers.
 *
 * @author TokenPay Spring Boot team
 */
public enum ResponseSignatureMode {

	/**
	 * Do not check response signatures.
	 */
	OFF,

	/**
	 * Check the signature when the answer carries one; accept unsigned answers. TokenPay
	 * signs answers only to requests whose own signature it accepted.
	 */
	IF_PRESENT,

	/**
	 * Reject every answer that is not signed.
	 */
	REQUIRED

}
