package me.tokenpay.spring.client.audit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes audit records to the log {@value #LOGGER_NAME} at INFO, one line each.
 *
 * @author TokenPay Spring Boot team
 */
public class LoggingTokenPayAuditSink implements TokenPayAuditSink {

	/**
	 * The name of the log.
	 */
	public static final String LOGGER_NAME = "me.tokenpay.spring.audit";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	@Override
	public void record(TokenPayAuditRecord record) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		StringBuilder line = new StringBuilder("operation=").append(record.operation())
			.append(" merchant=")
			.append(record.merchant())
			.append(" appId=")
			.append(record.appId())
			.append(" resourceId=")
			.append(record.resourceId())
			.append(" attempt=")
			.append(record.attempt())
			.append(" outcome=")
			.append(record.outcome())
			.append(" status=")
			.append(record.httpStatus())
			.append(" code=")
			.append(record.code())
			.append(" requestId=")
			.append(record.requestId())
			.append(" durationMs=")
			.append(record.duration().toMillis());
		if (record.requestBody() != null) {
			line.append(" request=").append(record.requestBody());
		}
		if (record.responseBody() != null) {
			line.append(" response=").append(record.responseBody());
		}
		logger.info(line);
	}

}
