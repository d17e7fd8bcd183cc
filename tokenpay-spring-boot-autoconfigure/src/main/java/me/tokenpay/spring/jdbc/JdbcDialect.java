package me.tokenpay.spring.jdbc;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The SQL that differs between the databases the starter's tables live in: inserting a
 * row unless its key exists without an error that would end the caller's transaction
 * (PostgreSQL aborts a transaction on any error), and reading the database server's
 * clock, which every instance shares.
 *
 * @author TokenPay Spring Boot team
 */
public enum JdbcDialect {

	/**
	 * PostgreSQL.
	 */
	POSTGRESQL,

	/**
	 * MySQL and MariaDB.
	 */
	MYSQL,

	/**
	 * H2 and other databases.
	 */
	OTHER;

	/**
	 * Return the dialect of a data source's database.
	 * @param dataSource the data source
	 * @return the dialect
	 * @throws IllegalStateException if the database cannot be reached
	 */
	public static JdbcDialect of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not read the database product of the TokenPay tables", ex);
		}
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		return (name.contains("mariadb") || name.contains("mysql")) ? MYSQL : OTHER;
	}

	/**
	 * Return an insert that does nothing when the key exists.
	 * @param table the table
	 * @param key the key column
	 * @param columnsAndValues the column list and {@code VALUES} clause
	 * @return the statement; for {@link #OTHER} a plain insert, whose duplicate key error
	 * the caller handles
	 */
	public String insertIfAbsent(String table, String key, String columnsAndValues) {
		return switch (this) {
			case POSTGRESQL ->
				"INSERT INTO " + table + " " + columnsAndValues + " ON CONFLICT (" + key + ") DO NOTHING";
			case MYSQL -> "INSERT IGNORE INTO " + table + " " + columnsAndValues;
			case OTHER -> "INSERT INTO " + table + " " + columnsAndValues;
		};
	}

	/**
	 * Return the SQL expression of the database server's time in epoch milliseconds.
	 * @return the expression
	 */
	public String nowMillis() {
		return switch (this) {
			case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
			case MYSQL -> "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)";
			case OTHER ->
				"DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', " + "CURRENT_TIMESTAMP)";
		};
	}

}
