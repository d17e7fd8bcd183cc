package me.tokenpay.spring.client;

/**
 * The one set of fake credentials this module's tests use, in the shapes TokenPay issues:
 * a 32 hexadecimal character app id, an 8 digit merchant id and a 32 byte secret, and
 * another secret for answers signed with the wrong one.
 *
 * @author TokenPay Spring Boot team
 */
public final class TestCredentials {

	/**
	 * The app id.
	 */
	public static final String APP_ID = "8e4b8c2e7c0123456789a1cbd3d59e0b";

	/**
	 * The merchant id.
	 */
	public static final String MCH_ID = "12345678";

	/**
	 * The app secret.
	 */
	public static final String APP_SECRET = "S3cr3tAppSecretValue-0123456789!";

	/**
	 * A secret of the right shape that is not {@link #APP_SECRET}.
	 */
	public static final String OTHER_SECRET = "AnotherAppSecret-0123456789ABCDE";

	private TestCredentials() {
	}

	/**
	 * Return the credentials.
	 * @return the app id, merchant id and secret above
	 */
	public static TokenPayCredentials credentials() {
		return new TokenPayCredentials(APP_ID, MCH_ID, APP_SECRET);
	}

}
