package me.tokenpay.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link MockTokenPayServer} of an {@link AutoConfigureMockTokenPay} test
 * context before each test method, so that payouts, faults and recorded requests never
 * leak from one test to the next.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 2100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(MockTokenPayContextCustomizerFactory.BEAN_NAME)) {
			context.getBean(MockTokenPayContextCustomizerFactory.BEAN_NAME, MockTokenPayServer.class).reset();
		}
	}

}
