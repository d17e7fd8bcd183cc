package me.tokenpay.spring.client.audit;

import org.springframework.util.Assert;

/**
 * Where audit records go, and whether they carry bodies.
 *
 * @param sink the sink of the records
 * @param includeBodies whether records carry the request and answer bodies
 * @author TokenPay Spring Boot team
 */
public record TokenPayAudit(TokenPayAuditSink sink, boolean includeBodies) {

	/**
	 * Check the audit.
	 * @param sink the sink of the records
	 * @param includeBodies whether records carry bodies
	 */
	public TokenPayAudit {
		Assert.notNull(sink, "Sink must not be null");
	}

}
