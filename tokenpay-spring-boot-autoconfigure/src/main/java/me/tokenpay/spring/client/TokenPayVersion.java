package me.tokenpay.spring.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this library, for the {@code User-Agent} header.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayVersion {

	/**
	 * The resource holding the version, relative to this class.
	 */
	static final String RESOURCE = "tokenpay-version.properties";

	private static final String VERSION = load();

	private TokenPayVersion() {
	}

	/**
	 * Return the version of this library.
	 * @return the version
	 */
	public static String get() {
		return VERSION;
	}

	/**
	 * Return the default {@code User-Agent}: the library, its version and the Java
	 * version.
	 * @return the default user agent
	 */
	public static String userAgent() {
		return "tokenpay-spring-boot-starter/" + VERSION + " Java/" + System.getProperty("java.version");
	}

	private static String load() {
		try (InputStream stream = TokenPayVersion.class.getResourceAsStream(RESOURCE)) {
			if (stream == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(stream);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
