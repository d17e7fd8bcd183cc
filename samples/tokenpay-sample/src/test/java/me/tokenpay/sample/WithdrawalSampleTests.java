package me.tokenpay.sample;

import me.tokenpay.spring.journal.PayoutJournalDispatcher;
import me.tokenpay.spring.test.AutoConfigureMockTokenPay;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code /withdrawals} through the payout journal on its embedded H2,
 * against the embedded {@link MockTokenPayServer}. The worker is slowed down so that the
 * test runs the dispatcher itself.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tokenpay.journal.poll-interval=1h")
@AutoConfigureMockTokenPay
class WithdrawalSampleTests {

	private static final String BODY = "{\"amount\":\"12.5\",\"chain\":\"TRON\",\"currency\":\"USDT\",\"toAddress\":\""
			+ TestTokenPaySampleApplication.SAMPLE_ADDRESS + "\",\"outTradeNo\":\"%s\"}";

	@Autowired
	MockTokenPayServer tokenPay;

	@Autowired
	PayoutJournalDispatcher dispatcher;

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = SampleClients.to(this.port);
	}

	@Test
	void aWithdrawalIsAcceptedThenCreatedOnceByTheJournal() {
		submit("withdrawal-1").expectStatus()
			.isAccepted()
			.expectHeader()
			.location("/withdrawals/withdrawal-1")
			.expectBody()
			.jsonPath("$.outTradeNo")
			.isEqualTo("withdrawal-1")
			.jsonPath("$.state")
			.isEqualTo("SUBMITTED");
		assertThat(this.tokenPay.payouts().get("withdrawal-1")).as("nothing is sent by the submit").isNull();
		submit("withdrawal-1").expectStatus().isAccepted();
		assertThat(this.dispatcher.runOnce()).isOne();
		this.client.get()
			.uri("/withdrawals/withdrawal-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING")
			.jsonPath("$.tradeState")
			.isEqualTo("NOTPAY")
			.jsonPath("$.transactionId")
			.isEqualTo(this.tokenPay.payouts().get("withdrawal-1").transactionId());
		assertThat(this.tokenPay.payouts().all()).filteredOn((payout) -> payout.outTradeNo().equals("withdrawal-1"))
			.hasSize(1);
	}

	@Test
	void anotherOrderUnderTheSameNumberIsAConflictAndAnUnknownOneIsNotFound() {
		submit("withdrawal-2").expectStatus().isAccepted();
		this.client.post()
			.uri("/withdrawals")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BODY.formatted("withdrawal-2").replace("12.5", "99"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.outTradeNo")
			.isEqualTo("withdrawal-2");
		this.client.get().uri("/withdrawals/nothing-here").exchange().expectStatus().isNotFound();
		this.client.post()
			.uri("/withdrawals")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\":\"-1\",\"chain\":\"TRON\",\"currency\":\"USDT\",\"toAddress\":\"T1\"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private RestTestClient.ResponseSpec submit(String outTradeNo) {
		return this.client.post()
			.uri("/withdrawals")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BODY.formatted(outTradeNo))
			.exchange();
	}

}
