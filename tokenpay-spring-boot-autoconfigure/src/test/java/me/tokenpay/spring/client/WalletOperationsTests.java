package me.tokenpay.spring.client;

import java.time.Instant;

import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.wallet.Wallet;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static me.tokenpay.spring.client.TokenPayTestServer.APP_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.MCH_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.REQUEST_ID;
import static me.tokenpay.spring.client.TokenPayTestServer.assertCorrectlySigned;
import static me.tokenpay.spring.client.TokenPayTestServer.json;
import static me.tokenpay.spring.client.TokenPayTestServer.success;
import static me.tokenpay.spring.client.TokenPayTestServer.takeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the monitored-wallet operations against a real HTTP server on loopback: the
 * documented paths, methods and bodies, a {@code WalletDetail} read with its times in
 * seconds, and answers accepted only about the wallet asked for.
 *
 * @author TokenPay Spring Boot team
 */
class WalletOperationsTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final String DETAIL = "{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
			+ "\",\"name\":\"user-42\",\"chain\":\"TRON\",\"wallet_address\":\"" + ADDRESS
			+ "\",\"create_time\":1675236993,\"last_time\":0}";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void addPostsTheDocumentedBodyAndReadsTheDetailInSeconds() throws Exception {
		this.server.enqueue(answer(DETAIL));
		Wallet wallet = template().wallets().add(Chain.TRON, ADDRESS, "user-42");
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"wallet_address\":\"" + ADDRESS + "\",\"chain\":\"TRON\",\"name\":\"user-42\"}");
		assertCorrectlySigned(request, "/v1/wallet/insert");
		assertThat(wallet.walletAddress()).isEqualTo(ADDRESS);
		assertThat(wallet.chain()).isEqualTo(Chain.TRON);
		assertThat(wallet.name()).isEqualTo("user-42");
		assertThat(wallet.appId()).isEqualTo(APP_ID);
		assertThat(wallet.createTime()).isEqualTo(Instant.ofEpochSecond(1675236993));
		assertThat(wallet.lastTime()).isNull();
	}

	@Test
	void updateAndDeletePostToTheirPaths() throws Exception {
		this.server.enqueue(answer(DETAIL.replace("user-42", "user-43")));
		assertThat(template().wallets().update(Chain.TRON, ADDRESS, "user-43").name()).isEqualTo("user-43");
		assertCorrectlySigned(takeRequest(this.server), "/v1/wallet/update");
		this.server.enqueue(success());
		template().wallets().delete(Chain.TRON, ADDRESS);
		RecordedRequest delete = takeRequest(this.server);
		assertThat(delete.getBody().utf8()).isEqualTo("{\"app_id\":\"" + APP_ID + "\",\"mch_id\":\"" + MCH_ID
				+ "\",\"wallet_address\":\"" + ADDRESS + "\",\"chain\":\"TRON\"}");
		assertCorrectlySigned(delete, "/v1/wallet/delete");
	}

	@Test
	void queryIsASignedGetWithTheAddressInTheQueryString() throws Exception {
		this.server.enqueue(answer(DETAIL));
		assertThat(template().wallets().get(Chain.TRON, ADDRESS).walletAddress()).isEqualTo(ADDRESS);
		RecordedRequest request = takeRequest(this.server);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertCorrectlySigned(request, "/v1/wallet/query?wallet_address=" + ADDRESS + "&chain=TRON");
	}

	@Test
	void anAnswerAboutAnotherWalletOrChainIsRefused() {
		this.server.enqueue(answer(DETAIL.replace(ADDRESS, "TAnotherWalletxxxxxxxxxxxxxxxxxxxx")));
		assertThatExceptionOfType(TokenPayMismatchedResponseException.class)
			.isThrownBy(() -> template().wallets().get(Chain.TRON, ADDRESS))
			.satisfies((ex) -> assertThat(ex.getMismatches()).singleElement().asString().contains("wallet_address"));
		this.server.enqueue(answer(DETAIL.replace("\"TRON\"", "\"BSC\"")));
		assertThatExceptionOfType(TokenPayMismatchedResponseException.class)
			.isThrownBy(() -> template().wallets().add(Chain.TRON, ADDRESS, null));
	}

	@Test
	void aDetailWithATimeOutOfRangeIsUnexpected() {
		this.server.enqueue(answer(DETAIL.replace("1675236993", "1675236993000000")));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> template().wallets().get(Chain.TRON, ADDRESS))
			.withMessageContaining("create_time");
	}

	@Test
	void anAnswerWithoutDetailIsAWalletKnownByNothing() {
		this.server.enqueue(success());
		Wallet wallet = template().wallets().update(Chain.TRON, ADDRESS, "note");
		assertThat(wallet.walletAddress()).isNull();
		assertThat(wallet.chain()).isNull();
	}

	@Test
	void unusableArgumentsAreRefusedBeforeAnythingIsSent() {
		TokenPayTemplate template = template();
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.wallets().add(null, ADDRESS, null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("chain"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.wallets().get(Chain.TRON, " "))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("walletAddress"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.wallets().add(Chain.TRON, ADDRESS, "a\u0000b"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("name"));
		assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> template.wallets().delete(Chain.TRON, "x".repeat(129)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	private TokenPayTemplate template() {
		return TokenPayTestServer.template(this.server);
	}

	private static MockResponse answer(String detail) {
		return json(200,
				"{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID + "\",\"data\":" + detail + "}");
	}

}
