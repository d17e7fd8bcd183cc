package me.tokenpay.spring.test;

/**
 * Answers one operation of {@link MockTokenPayServer}, as a {@code Dispatcher} answers
 * the requests of OkHttp's {@code MockWebServer}. Before calling it the server has
 * matched the route and the method, applied its rate limit and, for a signed operation,
 * checked the {@code Authorization} header; after, it signs the answer, records the
 * request and applies the faults a test enqueued. Add an operation with
 * {@link MockTokenPayServer#route(String, String, MockOperationHandler)} or replace the
 * answer of one with {@link MockTokenPayServer#handle(String, MockOperationHandler)}.
 *
 * @author TokenPay Spring Boot team
 */
@FunctionalInterface
public interface MockOperationHandler {

	/**
	 * Answer a call.
	 * @param call the call, with helpers that read its parameters as strictly as the
	 * built-in operations do
	 * @return the answer, such as {@link MockAnswer#success(Object)} or
	 * {@link MockAnswer#rejection(int, String)}
	 */
	MockAnswer handle(MockCall call);

}
