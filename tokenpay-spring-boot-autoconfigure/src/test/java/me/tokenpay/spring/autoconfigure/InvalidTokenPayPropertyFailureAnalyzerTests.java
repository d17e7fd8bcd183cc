package me.tokenpay.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidTokenPayPropertyFailureAnalyzer}.
 *
 * @author TokenPay Spring Boot team
 */
class InvalidTokenPayPropertyFailureAnalyzerTests {

	private final InvalidTokenPayPropertyFailureAnalyzer analyzer = new InvalidTokenPayPropertyFailureAnalyzer();

	@Test
	void analyzesNestedInvalidProperty() {
		InvalidTokenPayPropertyException cause = new InvalidTokenPayPropertyException("tokenpay.mch-id", "is not set",
				"Set tokenpay.mch-id to the merchant ID");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("tokenPayTemplate", "Failed", new IllegalStateException(cause)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.isEqualTo("The TokenPay client could not be configured: Property 'tokenpay.mch-id' is not set.");
		assertThat(analysis.getAction()).isEqualTo("Set tokenpay.mch-id to the merchant ID");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new BeanCreationException("tokenPayTemplate", "Failed",
				new IllegalArgumentException("tokenpay.mch-id"))))
			.isNull();
	}

}
