package me.tokenpay.spring.test;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.wallet.Wallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the monitored wallets of {@link MockTokenPayServer}, through the starter's
 * client: a wallet's whole life, and the gateway's refusals.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerWalletTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final TokenPayTemplate template = TokenPayTemplates.template(this.server, ResponseSignatureMode.REQUIRED);

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aWalletIsAddedFoundRenamedAndDeleted() {
		Wallet added = this.template.wallets().add(Chain.TRON, ADDRESS, "user-42");
		assertThat(added.walletAddress()).isEqualTo(ADDRESS);
		assertThat(added.appId()).isEqualTo(this.server.credentials().appId());
		assertThat(added.createTime()).isNotNull();
		assertThat(this.server.wallets().get("TRON", ADDRESS)).extracting(MockWallet::name).isEqualTo("user-42");
		assertThat(this.template.wallets().get(Chain.TRON, ADDRESS).name()).isEqualTo("user-42");
		assertThat(this.server.lastRequest().method()).isEqualTo("GET");
		assertThat(this.template.wallets().update(Chain.TRON, ADDRESS, "user-43").name()).isEqualTo("user-43");
		assertThat(this.template.wallets().get(Chain.TRON, ADDRESS).createTime()).isEqualTo(added.createTime());
		this.template.wallets().delete(Chain.TRON, ADDRESS);
		assertThat(this.server.wallets().all()).isEmpty();
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.wallets().get(Chain.TRON, ADDRESS))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
	}

	@Test
	void theGatewaysRefusalsReachTheCaller() {
		this.template.wallets().add(Chain.TRON, ADDRESS, null);
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.wallets().add(Chain.TRON, ADDRESS, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12001));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.wallets().update(Chain.BSC, ADDRESS, "x"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.template.wallets().delete(Chain.of("SOLANA"), ADDRESS))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(100));
		this.server.reset();
		assertThat(this.server.wallets().all()).isEmpty();
	}

}
