package me.tokenpay.spring.autoconfigure.actuate;

import me.tokenpay.spring.autoconfigure.TokenPayVerifications;
import me.tokenpay.spring.client.verification.TokenPayVerification;
import me.tokenpay.spring.client.verification.TokenPayVerification.Verdict;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one merchant: {@code UP} when a signed probe of its configuration was
 * answered as the gateway answers a correct one, {@code DOWN} naming the property to fix
 * otherwise, {@code UNKNOWN} when the rate limit left no permit for the probe. Probes are
 * cached (see {@link TokenPayVerifications}); details never contain the secret.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayHealthIndicator implements HealthIndicator {

	private final TokenPayVerifications verifications;

	private final String merchant;

	/**
	 * Create the indicator of a merchant.
	 * @param verifications the verifications
	 * @param merchant the merchant's name
	 */
	public TokenPayHealthIndicator(TokenPayVerifications verifications, String merchant) {
		this.verifications = verifications;
		this.merchant = merchant;
	}

	@Override
	public Health health() {
		TokenPayVerification verification = this.verifications.current(this.merchant);
		Health.Builder health = switch (verification.verdict()) {
			case OK -> Health.up();
			case NOT_CHECKED -> Health.unknown();
			default -> Health.down();
		};
		health.withDetail("verdict", verification.verdict().name())
			.withDetail("description", verification.description())
			.withDetail("checkedAt", verification.checkedAt().toString());
		if (verification.property() != null) {
			health.withDetail("property", verification.property());
		}
		if (verification.code() != null && verification.verdict() != Verdict.OK) {
			health.withDetail("code", verification.code());
		}
		return health.build();
	}

}
