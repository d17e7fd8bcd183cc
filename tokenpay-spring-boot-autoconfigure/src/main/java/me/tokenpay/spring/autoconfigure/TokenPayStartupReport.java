package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import me.tokenpay.spring.autoconfigure.TokenPayProperties.VerifyOnStartup;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.verification.TokenPayVerification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs one INFO line per merchant once the context's singletons exist (base URL, app id,
 * merchant id, rate limit and dedupe stores, HTTP client, notification path; never the
 * secret), then verifies each merchant against the gateway as
 * {@code tokenpay.verify-on-startup} says: not at all, with a warning naming the property
 * to fix, or by failing the start-up with an {@link InvalidTokenPayPropertyException}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(TokenPayStartupReport.class);

	private final TokenPayMerchants merchants;

	private final TokenPayVerifications verifications;

	private final VerifyOnStartup verifyOnStartup;

	private final URI defaultBaseUrl;

	private final String infrastructure;

	/**
	 * Create the report.
	 * @param merchants the merchants
	 * @param verifications their verifications
	 * @param verifyOnStartup whether and how to verify them
	 * @param defaultBaseUrl the base URL of merchants without their own
	 * @param infrastructure what every merchant shares, such as the rate limit and the
	 * HTTP client, in words
	 */
	TokenPayStartupReport(TokenPayMerchants merchants, TokenPayVerifications verifications,
			VerifyOnStartup verifyOnStartup, URI defaultBaseUrl, String infrastructure) {
		this.merchants = merchants;
		this.verifications = verifications;
		this.verifyOnStartup = verifyOnStartup;
		this.defaultBaseUrl = defaultBaseUrl;
		this.infrastructure = infrastructure;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> names = this.merchants.names().stream().sorted().toList();
		for (String name : names) {
			logger.info(summary(name));
		}
		if (this.verifyOnStartup == VerifyOnStartup.OFF) {
			return;
		}
		for (String name : names) {
			TokenPayVerification verification = this.verifications.verify(name);
			if (verification.isOk()) {
				logger.info("TokenPay merchant '" + name + "' verified: " + verification.description());
			}
			else if (this.verifyOnStartup == VerifyOnStartup.WARN) {
				logger.warn("TokenPay merchant '" + name + "' failed verification (" + verification.verdict() + "): "
						+ verification.description());
			}
			else {
				String property = (verification.property() != null) ? verification.property()
						: "tokenpay.verify-on-startup";
				throw new InvalidTokenPayPropertyException(property,
						"failed the start-up verification of merchant '" + name + "' (" + verification.verdict() + "): "
								+ verification.description(),
						"Fix " + property + ", or set tokenpay.verify-on-startup=warn to start anyway");
			}
		}
	}

	String summary(String name) {
		TokenPayMerchant merchant = this.merchants.merchant(name);
		if (merchant == null) {
			return "TokenPay merchant '" + name + "' from a custom TokenPayMerchantRepository; " + this.infrastructure;
		}
		URI baseUrl = (merchant.baseUrl() != null) ? merchant.baseUrl() : this.defaultBaseUrl;
		return "TokenPay merchant '" + name + "'" + (name.equals(this.merchants.defaultName()) ? " (default)" : "")
				+ ": base URL " + baseUrl + ", app id " + merchant.credentials().appId() + ", merchant id "
				+ merchant.credentials().mchId() + "; " + this.infrastructure;
	}

}
