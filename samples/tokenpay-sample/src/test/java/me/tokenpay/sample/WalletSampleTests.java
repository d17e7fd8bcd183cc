package me.tokenpay.sample;

import java.util.Map;

import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.MockWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives monitored wallets through the sample's HTTP endpoints against the embedded
 * {@link MockTokenPayServer}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockTokenPay
class WalletSampleTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	@Autowired
	MockTokenPayServer tokenPay;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = SampleClients.to(this.port);
	}

	@Test
	void addsFindsRenamesAndDeletesAWallet() {
		this.client.post()
			.uri("/wallets")
			.body(Map.of("walletAddress", ADDRESS, "chain", "TRON", "name", "user-42"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/wallets/" + ADDRESS + "?chain=TRON")
			.expectBody()
			.jsonPath("$.walletAddress")
			.isEqualTo(ADDRESS)
			.jsonPath("$.name")
			.isEqualTo("user-42");
		assertThat(this.tokenPay.wallets().get("TRON", ADDRESS)).extracting(MockWallet::name).isEqualTo("user-42");
		this.client.get()
			.uri("/wallets/{address}?chain=TRON", ADDRESS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.chain")
			.isEqualTo("TRON")
			.jsonPath("$.createTime")
			.isNotEmpty();
		this.client.put()
			.uri("/wallets/{address}", ADDRESS)
			.body(Map.of("chain", "TRON", "name", "user-43"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("user-43");
		this.client.delete().uri("/wallets/{address}?chain=TRON", ADDRESS).exchange().expectStatus().isNoContent();
		assertThat(this.tokenPay.wallets().all()).isEmpty();
		this.client.get().uri("/wallets/{address}?chain=TRON", ADDRESS).exchange().expectStatus().isNotFound();
	}

	@Test
	void refusesAWalletWithoutAChain() {
		this.client.post()
			.uri("/wallets")
			.body(Map.of("walletAddress", ADDRESS))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.get().uri("/wallets/{address}", ADDRESS).exchange().expectStatus().isBadRequest();
		assertThat(this.tokenPay.requests()).isEmpty();
	}

}
