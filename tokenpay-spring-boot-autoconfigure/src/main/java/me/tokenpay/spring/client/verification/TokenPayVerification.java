package me.tokenpay.spring.client.verification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What one signed, read-only probe of a merchant's configuration found: whether base URL,
 * path, app id, merchant id, secret and clock are right, and if not, which property to
 * fix. Never holds the secret.
 *
 * @param merchant the merchant's name
 * @param verdict what the probe found
 * @param property the property to fix, {@code null} when nothing is to be fixed or the
 * fault is not in the configuration
 * @param description what happened, in words an operator can act on
 * @param code the gateway's code, {@code null} when it did not answer with one
 * @param checkedAt when the probe ended
 * @author TokenPay Spring Boot team
 */
public record TokenPayVerification(String merchant, Verdict verdict, @Nullable String property, String description,
		@Nullable Integer code, Instant checkedAt) {

	/**
	 * Check the verification.
	 * @param merchant the merchant's name
	 * @param verdict what the probe found
	 * @param property the property to fix
	 * @param description what happened
	 * @param code the gateway's code
	 * @param checkedAt when the probe ended
	 */
	public TokenPayVerification {
		Assert.hasText(merchant, "Merchant must not be blank");
		Assert.notNull(verdict, "Verdict must not be null");
		Assert.hasText(description, "Description must not be blank");
		Assert.notNull(checkedAt, "Checked at must not be null");
	}

	/**
	 * Return whether the configuration works.
	 * @return {@code true} for {@link Verdict#OK}
	 */
	public boolean isOk() {
		return this.verdict == Verdict.OK;
	}

	/**
	 * What a probe found.
	 */
	public enum Verdict {

		/**
		 * The gateway authenticated the probe and answered it: base URL, path, app id,
		 * merchant id, secret and clock are right.
		 */
		OK,

		/**
		 * The gateway refused the signature (103), or its answer did not verify: the
		 * secret (or the app or merchant id signed with it) is wrong.
		 */
		WRONG_SECRET,

		/**
		 * The gateway does not know the app id, or it is disabled (20000, 20001).
		 */
		WRONG_APP_ID,

		/**
		 * The gateway refused the timestamp (104): this machine's clock or the timestamp
		 * unit is wrong.
		 */
		CLOCK_SKEW,

		/**
		 * The base URL answered 404 without TokenPay's envelope: the base URL or the
		 * query's path is wrong.
		 */
		ENDPOINT_NOT_FOUND,

		/**
		 * Nothing answered at the base URL in time.
		 */
		UNREACHABLE,

		/**
		 * The probe was not sent: the rate limit had no permit to spare.
		 */
		NOT_CHECKED,

		/**
		 * Something else answered: another gateway code or an answer the client could not
		 * use.
		 */
		UNEXPECTED

	}

}
