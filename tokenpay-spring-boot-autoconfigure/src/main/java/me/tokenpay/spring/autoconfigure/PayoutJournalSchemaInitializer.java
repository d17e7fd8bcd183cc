package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import me.tokenpay.spring.jdbc.TablePrefix;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Creates the payout journal's tables from the script of the database's platform, with
 * the configured table prefix in place of {@value TablePrefix#DEFAULT} (the scripts
 * create their tables only if they do not exist).
 *
 * @author TokenPay Spring Boot team
 */
class PayoutJournalSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private final String tablePrefix;

	PayoutJournalSchemaInitializer(DataSource dataSource, DatabaseInitializationSettings settings, String tablePrefix) {
		super(dataSource, settings);
		this.tablePrefix = tablePrefix;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		List<Resource> prefixed = new ArrayList<>();
		for (Resource script : scripts) {
			try {
				String sql = script.getContentAsString(encoding).replace(TablePrefix.DEFAULT, this.tablePrefix);
				prefixed.add(new ByteArrayResource(sql.getBytes(encoding), script.getDescription()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the payout journal's schema " + script, ex);
			}
		}
		super.runScripts(new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding));
	}

}
