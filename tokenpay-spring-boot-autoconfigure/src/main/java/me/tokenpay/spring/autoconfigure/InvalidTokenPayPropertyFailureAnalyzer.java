package me.tokenpay.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidTokenPayPropertyException} into a start-up report that names the
 * property to fix.
 *
 * @author TokenPay Spring Boot team
 */
class InvalidTokenPayPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTokenPayPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTokenPayPropertyException cause) {
		return new FailureAnalysis("The TokenPay client could not be configured: " + cause.getMessage() + ".",
				cause.getAction(), cause);
	}

}
