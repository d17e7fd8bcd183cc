package me.tokenpay.spring.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.Assert;

/**
 * JUnit 5 extension that starts a {@link MockTokenPayServer} before the tests of a class,
 * {@link MockTokenPayServer#reset() resets} it before each test and closes it after the
 * class. Test methods and constructors may declare a {@code MockTokenPayServer}
 * parameter. Register it on a static field to reach the server outside test methods, for
 * example with an {@code ApplicationContextRunner}: <pre class="code">
 * class PayoutServiceTests {
 *
 *     &#64;RegisterExtension
 *     static final MockTokenPayExtension tokenPay = new MockTokenPayExtension();
 *
 *     private final ApplicationContextRunner runner = new ApplicationContextRunner()
 *         .withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class));
 *
 *     &#64;Test
 *     void cancelsPayout() {
 *         String payoutId = tokenPay.server().seedOpenPayout();
 *         this.runner.withPropertyValues(tokenPay.server().propertyValues())
 *             .run((context) -&gt; context.getBean(TokenPayTemplate.class).cancelPayout(payoutId));
 *     }
 *
 * }
 * </pre> or with {@code @ExtendWith(MockTokenPayExtension.class)} and a
 * {@code MockTokenPayServer} test method parameter. {@code @Nested} test classes share
 * the server of their enclosing class, which closes it.
 *
 * @author TokenPay Spring Boot team
 */
public class MockTokenPayExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private @Nullable MockTokenPayServer server;

	private @Nullable String owner;

	/**
	 * Return the running server.
	 * @return the server
	 * @throws IllegalStateException if called outside the test class's life cycle
	 */
	public MockTokenPayServer server() {
		MockTokenPayServer running = this.server;
		Assert.state(running != null, "The mock TokenPay server runs only while the test class runs");
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.server == null) {
			this.server = MockTokenPayServer.start();
			this.owner = context.getUniqueId();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (!context.getUniqueId().equals(this.owner)) {
			return;
		}
		MockTokenPayServer running = this.server;
		this.server = null;
		this.owner = null;
		if (running != null) {
			running.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MockTokenPayServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

}
