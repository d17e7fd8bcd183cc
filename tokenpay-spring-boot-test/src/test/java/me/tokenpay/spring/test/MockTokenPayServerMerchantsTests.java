package me.tokenpay.spring.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the merchants of {@link MockTokenPayServer}: each is accepted with its own
 * credentials and answered under its own secret; an app id it does not know is refused as
 * the gateway refuses it.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayServerMerchantsTests {

	private final MockTokenPayServer server = MockTokenPayServer.start();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void eachMerchantIsAuthenticatedAndAnsweredWithItsOwnSecret() {
		TokenPayCredentials eu = this.server.addMerchant("eu");
		assertThat(this.server.addMerchant("eu")).isSameAs(eu);
		assertThat(this.server.credentials("eu")).isSameAs(eu);
		assertThat(this.server.credentials("default")).isSameAs(this.server.credentials());
		String payoutId = this.server.payouts().seedOpen();
		assertThat(template(eu).cancelPayout(payoutId).code()).isZero();
		assertThat(this.server.properties()).containsEntry("tokenpay.merchants.eu.app-id", eu.appId())
			.containsEntry("tokenpay.merchants.eu.mch-id", eu.mchId())
			.containsEntry("tokenpay.merchants.eu.app-secret", eu.appSecret())
			.containsEntry("tokenpay.merchants.eu.base-url", this.server.baseUrl());
	}

	@Test
	void anUnknownAppIdOrAMerchantIdOfAnotherMerchantIsRefused() {
		TokenPayCredentials eu = this.server.addMerchant("eu");
		String payoutId = this.server.payouts().seedOpen();
		TokenPayCredentials stranger = MockTokenPayServer.generateCredentials();
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> template(stranger).cancelPayout(payoutId))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20000));
		TokenPayCredentials mixed = new TokenPayCredentials(eu.appId(), this.server.credentials().mchId(),
				eu.appSecret());
		assertThatExceptionOfType(TokenPayApiException.class).isThrownBy(() -> template(mixed).cancelPayout(payoutId))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20000));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.credentials("asia"))
			.withMessageContaining("Unknown merchant 'asia'")
			.withMessageContaining("eu");
	}

	private TokenPayTemplate template(TokenPayCredentials credentials) {
		return TokenPayTemplate.builder()
			.settings(TokenPayClientSettings.defaults(URI.create(this.server.baseUrl())))
			.credentials(credentials)
			.verifier(new ResponseVerifier(new SignatureCipher(credentials.appSecret()), ResponseSignatureMode.REQUIRED,
					Duration.ofMinutes(5), Clock.systemUTC()))
			.build();
	}

}
