package me.tokenpay.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.MockTokenPayServerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The README's walkthrough against the mock started as a standalone server, the way
 * {@code java -jar tokenpay-spring-boot-test-…-standalone.jar} starts it, with the sample
 * pointed at it by the properties it prints.
 *
 * @author TokenPay Spring Boot team
 */
class StandaloneMockSampleTests {

	private static final String OPEN_PAYOUT = "a1f3c5e7b9d24f6081a3c5e7b9d24f60";

	@Test
	void theSampleRunsTheWalkthroughAgainstTheStandaloneMock() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (MockTokenPayServer mock = MockTokenPayServerApplication.start(
				new String[] { "--port=0", "--seed-open-payout=" + OPEN_PAYOUT },
				new PrintStream(printed, true, StandardCharsets.UTF_8))) {
			List<String> args = new ArrayList<>(List.of("--server.port=0"));
			printed.toString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter((line) -> line.startsWith("--tokenpay."))
				.forEach(args::add);
			try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(TokenPaySampleApplication.class)
				.run(args.toArray(String[]::new))) {
				RestTestClient client = SampleClients
					.to(Integer.parseInt(sample.getEnvironment().getRequiredProperty("local.server.port")));
				client.post()
					.uri("/payouts")
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"amount\":\"12.5\",\"chain\":\"TRON\",\"currency\":\"USDT\",\"toAddress\":\""
							+ TestTokenPaySampleApplication.SAMPLE_ADDRESS + "\",\"outTradeNo\":\"order-1\"}")
					.exchange()
					.expectStatus()
					.isCreated();
				client.get().uri("/payouts/order-1").exchange().expectStatus().isOk();
				client.post().uri("/payouts/{id}/cancel", OPEN_PAYOUT).exchange().expectStatus().isOk();
				client.post()
					.uri("/payouts/{id}/cancel", OPEN_PAYOUT)
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectBody()
					.jsonPath("$.tokenpayCode")
					.isEqualTo(MockTokenPayServer.NOT_CLOSABLE_CODE);
				client.post().uri("/payouts/unknown-payout/cancel").exchange().expectStatus().isNotFound();
				client.get()
					.uri("/actuator/health")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.components.tokenpay.status")
					.isEqualTo("UP");
			}
		}
	}

}
