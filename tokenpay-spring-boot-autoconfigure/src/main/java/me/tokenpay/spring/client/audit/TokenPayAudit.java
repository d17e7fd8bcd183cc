package me.tokenpay.spring.client.audit;

import java.time.Clock;

import org.springframework.util.Assert;

/**
 * Where audit records go, whether they carry bodies, and the clock that times attempts.
 *
 * @param sink the sink of the records
 * @param includeBodies whether records carry the request and answer bodies
 * @param clock the clock that times attempts
 * @author TokenPay Spring Boot team
 */
public record TokenPayAudit(TokenPayAuditSink sink, boolean includeBodies, Clock clock) {

	/**
	 * Check the audit.
	 * @param sink the sink of the records
	 * @param includeBodies whether records carry bodies
	 * @param clock the clock that times attempts
	 */
	public TokenPayAudit {
		Assert.notNull(sink, "Sink must not be null");
		Assert.notNull(clock, "Clock must not be null");
	}

	/**
	 * Create an audit timed by the system clock.
	 * @param sink the sink of the records
	 * @param includeBodies whether records carry bodies
	 */
	public TokenPayAudit(TokenPayAuditSink sink, boolean includeBodies) {
		this(sink, includeBodies, Clock.systemUTC());
	}

}
