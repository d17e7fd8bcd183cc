package me.tokenpay.spring.client.verification;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEndpointNotFoundException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayRateLimitException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTransportException;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.verification.TokenPayVerification.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Checks a merchant's configuration against the gateway with one signed, read-only probe:
 * a payout query of an {@code out_trade_no} that cannot exist. The gateway answers it
 * 12002 (no such order) only when base URL, path, app id, merchant id, secret and clock
 * are all right; every other outcome names the property to fix. The probe goes through
 * the merchant's own pipeline, so it is signed, verified and rate-limited like every
 * call, and it changes nothing at the gateway.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayVerifier {

	/**
	 * The prefix of the order numbers of probes.
	 */
	public static final String PROBE_PREFIX = "tokenpay-probe-";

	private static final int NOT_FOUND = 12002;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Clock clock;

	/**
	 * Create a verifier.
	 * @param clock the clock that dates verifications
	 */
	public TokenPayVerifier(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Probe a merchant's configuration.
	 * @param merchant the merchant
	 * @param operations its operations; a probe through them is rate-limited like any
	 * call, and is best made without retries
	 * @return what the probe found
	 */
	public TokenPayVerification verify(TokenPayMerchant merchant, TokenPayOperations operations) {
		String prefix = TokenPayMerchant.DEFAULT_NAME.equals(merchant.name()) ? "tokenpay"
				: "tokenpay.merchants." + merchant.name();
		String baseUrlProperty = (merchant.baseUrl() != null) ? prefix + ".base-url" : "tokenpay.base-url";
		try {
			operations.payouts().getByOutTradeNo(PROBE_PREFIX + HexFormat.of().formatHex(randomBytes()));
			return result(merchant, Verdict.OK, null, "The gateway authenticated the probe and answered it", null);
		}
		catch (TokenPayApiException ex) {
			return rejected(merchant, prefix, ex);
		}
		catch (TokenPaySignatureException ex) {
			return result(merchant, Verdict.WRONG_SECRET, prefix + ".app-secret",
					"The gateway's answer did not verify with the configured secret: " + ex.getMessage(), null);
		}
		catch (TokenPayEndpointNotFoundException ex) {
			return result(merchant, Verdict.ENDPOINT_NOT_FOUND, baseUrlProperty,
					"The base URL answered 404 to the payout query: check " + baseUrlProperty
							+ " (and tokenpay.operations.query-payout.path)",
					null);
		}
		catch (TokenPayTransportException ex) {
			return result(merchant, Verdict.UNREACHABLE, baseUrlProperty, "Nothing answered at the base URL: "
					+ ex.getMessage() + "; check " + baseUrlProperty + " and the network", null);
		}
		catch (TokenPayRateLimitException ex) {
			return result(merchant, Verdict.NOT_CHECKED, null,
					"The probe was not sent: the rate limit had no permit to spare", null);
		}
		catch (TokenPayException ex) {
			return result(merchant, Verdict.UNEXPECTED, null, "The probe failed: " + ex.getMessage(), null);
		}
	}

	private TokenPayVerification rejected(TokenPayMerchant merchant, String prefix, TokenPayApiException ex) {
		int code = ex.getCode();
		return switch (code) {
			case NOT_FOUND -> result(merchant, Verdict.OK, null,
					"The gateway authenticated the probe and answered 12002 (no such order)", code);
			case 103 -> result(merchant, Verdict.WRONG_SECRET, prefix + ".app-secret",
					"The gateway refused the signature (103): check " + prefix + ".app-secret, " + prefix
							+ ".app-id and " + prefix + ".mch-id",
					code);
			case 104 -> result(merchant, Verdict.CLOCK_SKEW, "tokenpay.signature.timestamp-unit",
					"The gateway refused the timestamp (104): check this machine's clock and "
							+ "tokenpay.signature.timestamp-unit",
					code);
			case 20000, 20001 -> result(merchant, Verdict.WRONG_APP_ID, prefix + ".app-id",
					"The gateway does not accept the app id (" + code + "): check " + prefix + ".app-id", code);
			default -> result(merchant, Verdict.UNEXPECTED, null,
					"The gateway refused the probe with code " + code + ": " + ex.getMessage(), code);
		};
	}

	private TokenPayVerification result(TokenPayMerchant merchant, Verdict verdict, @Nullable String property,
			String description, @Nullable Integer code) {
		return new TokenPayVerification(merchant.name(), verdict, property, description, code, this.clock.instant());
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
