package me.tokenpay.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import me.tokenpay.spring.client.error.TokenPayApiException;

/**
 * Starts a {@link MockTokenPayServer} for a Spring test context, registers it as a bean
 * and points {@code tokenpay.base-url}, {@code tokenpay.app-id}, {@code tokenpay.mch-id}
 * and {@code tokenpay.app-secret} at it, and every merchant configured under
 * {@code tokenpay.merchants.<name>} without a {@code base-url} of its own too, each with
 * credentials of its own (whatever the configuration holds for them); a merchant with its
 * own {@code base-url} keeps its gateway. The server is reset before every test method
 * and closed with the context. <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureMockTokenPay
 * class PayoutServiceTests {
 *
 *     &#64;Autowired
 *     MockTokenPayServer tokenPay;
 *
 *     &#64;Autowired
 *     TokenPayOperations tokenPayOperations;
 *
 *     &#64;Test
 *     void rateLimitedCancelFails() {
 *         String payoutId = this.tokenPay.seedOpenPayout();
 *         this.tokenPay.enqueue(Fault.gatewayCode(11001));
 *         assertThatExceptionOfType(TokenPayApiException.class)
 *             .isThrownBy(() -&gt; this.tokenPayOperations.cancelPayout(payoutId));
 *     }
 *
 * }
 * </pre>
 *
 * @author TokenPay Spring Boot team
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockTokenPay {

}
