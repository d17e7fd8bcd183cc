package me.tokenpay.sample;

import java.util.List;
import java.util.stream.Stream;

import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.PayoutState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample against an embedded {@link MockTokenPayServer}, with no credentials and
 * no network: {@code ./mvnw -pl samples/tokenpay-sample -am spring-boot:test-run}. The
 * mock is seeded with open payouts whose ids are logged next to ready {@code curl} lines.
 *
 * @author TokenPay Spring Boot team
 */
public final class TestTokenPaySampleApplication {

	/**
	 * Open payouts seeded into the mock, with fixed ids so that the README can show them.
	 */
	static final List<String> OPEN_PAYOUTS = List.of("a1f3c5e7b9d24f6081a3c5e7b9d24f60",
			"b2e4d6f8a0c35e7192b4d6f8a0c35e71", "c3d5e7f9b1a46f80a3c5e7f9b1a46f80");

	/**
	 * A payout that is already paid out, so cancelling it is refused.
	 */
	static final String PAID_PAYOUT = "d4c6e8a0b2f57a91b4d6e8a0b2f57a91";

	/**
	 * A receiving address for the README's create example.
	 */
	static final String SAMPLE_ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final Log logger = LogFactory.getLog(TestTokenPaySampleApplication.class);

	private TestTokenPaySampleApplication() {
	}

	public static void main(String[] args) {
		MockTokenPayServer tokenPay = MockTokenPayServer.start();
		OPEN_PAYOUTS.forEach((payoutId) -> tokenPay.payouts().seed(payoutId, PayoutState.PENDING));
		tokenPay.payouts().seed(PAID_PAYOUT, PayoutState.SUCCESS);
		String[] arguments = Stream
			.concat(Stream.of(args),
					tokenPay.properties()
						.entrySet()
						.stream()
						.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()))
			.toArray(String[]::new);
		SpringApplication.from(TokenPaySampleApplication::main).run(arguments);
		logger.info(instructions(tokenPay));
	}

	private static String instructions(MockTokenPayServer tokenPay) {
		String first = OPEN_PAYOUTS.get(0);
		return String.join(System.lineSeparator(), "", "Mock TokenPay running at " + tokenPay.baseUrl(),
				"Open payouts: " + String.join(", ", OPEN_PAYOUTS) + "; paid payout: " + PAID_PAYOUT, "Try:",
				"  curl -i -X POST localhost:8080/payouts -H 'Content-Type: application/json' -d '{\"amount\":\"12.5\","
						+ "\"chain\":\"TRON\",\"currency\":\"USDT\",\"toAddress\":\"" + SAMPLE_ADDRESS
						+ "\",\"outTradeNo\":\"order-1\"}'   # 201",
				"  curl -i localhost:8080/payouts/order-1                       # 200, tradeState NOTPAY",
				"  curl -i -X POST localhost:8080/payouts/" + first + "/cancel    # 200",
				"  curl -i -X POST localhost:8080/payouts/" + first + "/cancel    # 400 problem, tokenpayCode 20005",
				"  curl -i -X POST localhost:8080/payouts/unknown-payout/cancel   # 404 problem, tokenpayCode 12002",
				"  curl -i -X POST localhost:8080/pay-ins -H 'Content-Type: application/json' -d '{\"amount\":\"9.99\","
						+ "\"chain\":\"TRON\",\"currency\":\"USDT\",\"outTradeNo\":\"cart-1\"}'   # 201, paymentUrl",
				"  curl -i localhost:8080/pay-ins/cart-1                        # 200, tradeState NOTPAY",
				"  curl -s localhost:8080/currencies                            # the currency list",
				"  curl -s 'localhost:8080/balance?chain=TRON&currency=USDT'    # the balance",
				"  curl -s localhost:8080/actuator/metrics/tokenpay.client.requests");
	}

}
