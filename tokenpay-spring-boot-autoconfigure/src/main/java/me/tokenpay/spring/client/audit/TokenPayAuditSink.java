package me.tokenpay.spring.client.audit;

/**
 * Receives an {@link TokenPayAuditRecord} for every attempt of every call, on the calling
 * thread, once the attempt has ended. A sink that throws does not change the call's
 * outcome. Ship records elsewhere (a database, a message broker) by implementing this.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface TokenPayAuditSink {

	/**
	 * Record an attempt.
	 * @param record the attempt
	 */
	void record(TokenPayAuditRecord record);

}
