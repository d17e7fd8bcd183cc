package me.tokenpay.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MockTokenPayServerApplication}, the mock as a standalone server.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerApplicationTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void printsThePropertiesThatPointAnApplicationAtIt() {
		TokenPayCredentials credentials = MockTokenPayServer.generateCredentials();
		try (MockTokenPayServer server = start("--port=0", "--app-id=" + credentials.appId(),
				"--mch-id=" + credentials.mchId(), "--app-secret=" + credentials.appSecret(), "--merchant=eu",
				"--seed-open-payout=open-1", "--seed-paid-payout=paid-1", "--enforce-rate-limit")) {
			assertThat(server.credentials()).isEqualTo(credentials);
			assertThat(printed()).contains("Mock TokenPay listening on " + server.baseUrl())
				.contains("--tokenpay.base-url=" + server.baseUrl())
				.contains("--tokenpay.app-id=" + credentials.appId())
				.contains("--tokenpay.app-secret=" + credentials.appSecret())
				.contains("--tokenpay.merchants.eu.app-id=" + server.credentials("eu").appId());
			assertThat(server.payouts().state("open-1")).isEqualTo(PayoutState.PENDING);
			assertThat(server.payouts().state("paid-1")).isEqualTo(PayoutState.SUCCESS);
		}
	}

	@Test
	void aMerchantCanBringItsOwnCredentials() {
		TokenPayCredentials eu = MockTokenPayServer.generateCredentials();
		try (MockTokenPayServer server = start("--port=0",
				"--merchant=eu:" + eu.appId() + ":" + eu.mchId() + ":" + eu.appSecret())) {
			assertThat(server.credentials("eu")).isEqualTo(eu);
		}
	}

	@Test
	void badArgumentsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> start("--port=x")).withMessageContaining("--port");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--port=70000")).withMessageContaining("--port");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--app-id=abc"))
			.withMessageContaining("--app-id, --mch-id and --app-secret go together");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--merchant=eu:1:2"))
			.withMessageContaining("--merchant must be");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--merchant=eu:a:1:short"))
			.withMessageContaining("--merchant=eu");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--verbose"))
			.withMessageContaining("Unknown argument '--verbose'");
		assertThatIllegalArgumentException().isThrownBy(() -> start("--colour=red"))
			.withMessageContaining("Unknown argument '--colour'");
	}

	@Test
	void aPortInUseIsNamed() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatIllegalArgumentException().isThrownBy(() -> start("--port=" + taken.getLocalPort()))
				.withMessageContaining("Could not listen on port " + taken.getLocalPort());
		}
	}

	private MockTokenPayServer start(String... args) {
		return MockTokenPayServerApplication.start(args, new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
