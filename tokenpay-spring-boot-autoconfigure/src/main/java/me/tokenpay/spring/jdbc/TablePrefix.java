package me.tokenpay.spring.jdbc;

import java.util.regex.Pattern;

/**
 * The prefix of the starter's tables, which is written into SQL and so must be a plain
 * identifier.
 *
 * @author TokenPay Spring Boot team
 */
public final class TablePrefix {

	/**
	 * The default prefix, the one the schema scripts are written with.
	 */
	public static final String DEFAULT = "TOKENPAY_";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,30}");

	private TablePrefix() {
	}

	/**
	 * Return whether a prefix is usable.
	 * @param prefix the prefix
	 * @return whether it is letters, digits and underscores, starting with a letter or an
	 * underscore, at most 31 characters
	 */
	public static boolean isValid(String prefix) {
		return IDENTIFIER.matcher(prefix).matches();
	}

	/**
	 * Check a prefix.
	 * @param prefix the prefix
	 * @return the prefix
	 * @throws IllegalArgumentException if it is not usable
	 */
	public static String checked(String prefix) {
		if (!isValid(prefix)) {
			throw new IllegalArgumentException(
					"Table prefix must be letters, digits and underscores, starting with a letter or underscore");
		}
		return prefix;
	}

}
