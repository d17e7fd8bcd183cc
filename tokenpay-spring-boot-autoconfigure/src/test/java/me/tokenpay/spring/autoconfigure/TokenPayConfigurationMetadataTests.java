package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.BuiltInOperations;
import me.tokenpay.spring.client.operation.Idempotency;
import me.tokenpay.spring.client.operation.OperationDescriptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated for {@link TokenPayProperties}.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayConfigurationMetadataTests {

	private static final Pattern README_PROPERTY_ROW = Pattern.compile("\\|\\s*`(tokenpay\\.[^`]+)`\\s*\\|.*");

	private final JsonNode metadata = readMetadata();

	@Test
	void describesEveryProperty() {
		Map<String, JsonNode> properties = tokenPayProperties();
		Set<String> expected = new TreeSet<>(List.of("tokenpay.enabled", "tokenpay.base-url", "tokenpay.app-id",
				"tokenpay.mch-id", "tokenpay.app-secret", "tokenpay.connect-timeout", "tokenpay.read-timeout",
				"tokenpay.max-response-size", "tokenpay.user-agent", "tokenpay.operations",
				"tokenpay.payout.payout-id-field", "tokenpay.payout.not-open-codes", "tokenpay.payout.resolve-attempts",
				"tokenpay.payout.resolve-delay", "tokenpay.signature.timestamp-unit",
				"tokenpay.signature.response-mode", "tokenpay.signature.response-tolerance",
				"tokenpay.retry.max-attempts", "tokenpay.retry.initial-delay", "tokenpay.retry.multiplier",
				"tokenpay.retry.max-delay", "tokenpay.retry.jitter", "tokenpay.retry.deadline",
				"tokenpay.rate-limit.enabled", "tokenpay.rate-limit.permits-per-second", "tokenpay.rate-limit.max-wait",
				"tokenpay.pay-in.amount-format", "tokenpay.pay-in.not-closable-codes",
				"tokenpay.pay-in.resolve-attempts", "tokenpay.pay-in.resolve-delay", "tokenpay.currencies.cache-ttl",
				"tokenpay.notification.enabled", "tokenpay.notification.path", "tokenpay.notification.max-body-size",
				"tokenpay.notification.timestamp-tolerance", "tokenpay.notification.dedupe-retention",
				"tokenpay.notification.dedupe-lease", "tokenpay.rate-limit.permits", "tokenpay.rate-limit.window",
				"tokenpay.rate-limit.store", "tokenpay.rate-limit.on-store-failure", "tokenpay.rate-limit.instances",
				"tokenpay.notification.dedupe-store", "tokenpay.notification.on-store-failure", "tokenpay.merchants",
				"tokenpay.default-merchant", "tokenpay.verify-on-startup", "tokenpay.health.cache-ttl",
				"tokenpay.audit.enabled", "tokenpay.audit.include-bodies", "tokenpay.journal.enabled",
				"tokenpay.journal.poll-interval", "tokenpay.journal.batch-size", "tokenpay.journal.lease",
				"tokenpay.journal.reconcile-interval", "tokenpay.journal.max-reconcile-interval",
				"tokenpay.journal.retry-interval", "tokenpay.journal.stuck-after",
				"tokenpay.journal.jdbc.initialize-schema", "tokenpay.journal.jdbc.schema",
				"tokenpay.journal.jdbc.platform", "tokenpay.journal.jdbc.table-prefix"));
		expected.addAll(operationProperties().keySet());
		expected.addAll(TokenPayRenamedPropertiesPostProcessor.RENAMED.keySet());
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		properties.forEach((name, property) -> assertThat(text(property, "description")).as("description of %s", name)
			.isNotBlank()
			.endsWith("."));
	}

	@Test
	void operationDefaultsAreTheirDeclarations() {
		Map<String, JsonNode> properties = tokenPayProperties();
		operationProperties().forEach(
				(name, declared) -> assertThat(text(properties.get(name), "defaultValue")).as("default of %s", name)
					.isEqualTo(declared));
		List<String> names = new ArrayList<>();
		hint("tokenpay.operations.keys").get("values").forEach((value) -> names.add(value.get("value").asString()));
		assertThat(names)
			.containsExactlyElementsOf(BuiltInOperations.all().stream().map(OperationDescriptor::name).toList());
	}

	@Test
	void listsTheDocumentedDefaults() {
		Map<String, JsonNode> properties = tokenPayProperties();
		assertThat(text(properties.get("tokenpay.base-url"), "defaultValue")).isEqualTo("https://api.tokenpay.me");
		assertThat(text(properties.get("tokenpay.payout.payout-id-field"), "defaultValue")).isEqualTo("payout_id");
		assertThat(text(properties.get("tokenpay.pay-in.amount-format"), "defaultValue")).isEqualTo("number");
		assertThat(text(properties.get("tokenpay.payout.resolve-attempts"), "defaultValue")).isEqualTo("3");
		assertThat(text(properties.get("tokenpay.payout.resolve-delay"), "defaultValue")).isEqualTo("500ms");
		assertThat(text(properties.get("tokenpay.signature.timestamp-unit"), "defaultValue")).isEqualTo("milliseconds");
		assertThat(text(properties.get("tokenpay.signature.response-mode"), "defaultValue")).isEqualTo("if-present");
		assertThat(text(properties.get("tokenpay.signature.response-tolerance"), "defaultValue")).isEqualTo("5m");
		assertThat(text(properties.get("tokenpay.max-response-size"), "defaultValue")).isEqualTo("1MB");
		assertThat(text(properties.get("tokenpay.retry.max-attempts"), "defaultValue")).isEqualTo("3");
		assertThat(text(properties.get("tokenpay.retry.deadline"), "defaultValue")).isEqualTo("45s");
		assertThat(text(properties.get("tokenpay.rate-limit.enabled"), "defaultValue")).isEqualTo("true");
		assertThat(text(properties.get("tokenpay.rate-limit.permits"), "defaultValue")).isEqualTo("5");
	}

	@Test
	void deprecatesEveryRenamedPropertyInFavourOfItsNewName() {
		Map<String, JsonNode> properties = tokenPayProperties();
		TokenPayRenamedPropertiesPostProcessor.RENAMED.forEach((oldName, newName) -> {
			JsonNode deprecation = properties.get(oldName).get("deprecation");
			assertThat(deprecation).as("deprecation of %s", oldName).isNotNull();
			assertThat(text(deprecation, "replacement")).isEqualTo(newName);
			assertThat(properties).containsKey(newName);
		});
	}

	@Test
	void describesTheInfoContributorSwitch() {
		JsonNode property = null;
		for (JsonNode candidate : this.metadata.get("properties")) {
			if ("management.info.tokenpay.enabled".equals(candidate.get("name").asString())) {
				property = candidate;
			}
		}
		assertThat(property).isNotNull();
		assertThat(text(property, "description")).isNotBlank().endsWith(".");
		assertThat(text(property, "defaultValue")).isEqualTo("false");
	}

	@Test
	void listsTheValuesOfEveryEnumProperty() throws ClassNotFoundException {
		List<String> enumProperties = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : tokenPayProperties().entrySet()) {
			String typeName = text(entry.getValue(), "type");
			if (typeName.contains("<") || entry.getValue().has("deprecation")) {
				continue;
			}
			Class<?> type = ClassUtils.forName(typeName, getClass().getClassLoader());
			if (type.isEnum()) {
				enumProperties.add(entry.getKey());
				List<String> expected = Arrays.stream(type.getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.toList();
				JsonNode hint = hint(entry.getKey());
				assertThat(hint).as("hint for %s", entry.getKey()).isNotNull();
				List<String> values = new ArrayList<>();
				for (JsonNode value : hint.get("values")) {
					values.add(value.get("value").asString());
					assertThat(text(value, "description")).as("description of %s value %s", entry.getKey(), value)
						.isNotBlank();
				}
				assertThat(values).as("values of %s", entry.getKey()).containsExactlyInAnyOrderElementsOf(expected);
			}
		}
		List<String> expected = new ArrayList<>(List.of("tokenpay.signature.timestamp-unit",
				"tokenpay.signature.response-mode", "tokenpay.pay-in.amount-format", "tokenpay.rate-limit.store",
				"tokenpay.rate-limit.on-store-failure", "tokenpay.notification.dedupe-store",
				"tokenpay.notification.on-store-failure", "tokenpay.verify-on-startup",
				"tokenpay.journal.jdbc.initialize-schema"));
		operationProperties().keySet().stream().filter((name) -> !name.endsWith(".path")).forEach(expected::add);
		assertThat(enumProperties).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void readmeConfigurationReferenceListsExactlyTheProperties() throws IOException {
		List<String> documented = readmeConfigurationReference();
		Set<String> properties = tokenPayProperties().keySet();
		assertThat(documented).as("properties in README.md's configuration reference").doesNotHaveDuplicates();
		assertThat(properties).as("properties missing from README.md's configuration reference").isSubsetOf(documented);
		assertThat(documented).as("properties in README.md's configuration reference that do not exist")
			.isSubsetOf(properties);
	}

	/**
	 * Return the properties of every built-in operation with the default each must have:
	 * its declared path, and for a signed read its declared method and parameter
	 * location, which the documents disagree on.
	 */
	private static Map<String, String> operationProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		for (OperationDescriptor<?> operation : BuiltInOperations.all()) {
			String prefix = "tokenpay.operations." + operation.name();
			properties.put(prefix + ".path", operation.path());
			if (operation.signed() && operation.idempotency() == Idempotency.SAFE) {
				properties.put(prefix + ".method", operation.method().name().toLowerCase(Locale.ROOT));
				properties.put(prefix + ".parameter-location",
						operation.parameterLocation().name().toLowerCase(Locale.ROOT));
			}
		}
		return properties;
	}

	private Map<String, JsonNode> tokenPayProperties() {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (JsonNode property : this.metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("tokenpay.")) {
				properties.put(name, property);
			}
		}
		return properties;
	}

	private JsonNode hint(String name) {
		for (JsonNode hint : this.metadata.path("hints")) {
			if (name.equals(hint.get("name").asString())) {
				return hint;
			}
		}
		return null;
	}

	/**
	 * Return the property names in the first column of the table under the README's
	 * "Configuration reference" heading: rows such as
	 * {@code | `tokenpay.base-url` | `https://api.tokenpay.me` | ... |}.
	 */
	private static List<String> readmeConfigurationReference() throws IOException {
		Path readme = Path.of("..", "README.md");
		assertThat(readme).as("README.md at the repository root").isRegularFile();
		List<String> properties = new ArrayList<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals("## Configuration reference");
			}
			else if (inSection) {
				Matcher row = README_PROPERTY_ROW.matcher(line);
				if (row.matches()) {
					properties.add(row.group(1));
				}
			}
		}
		assertThat(properties).as("rows of README.md's '## Configuration reference' table").isNotEmpty();
		return properties;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null) ? value.asString() : null;
	}

	private static JsonNode readMetadata() {
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			Enumeration<URL> resources = TokenPayConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			while (resources.hasMoreElements()) {
				try (InputStream stream = resources.nextElement().openStream()) {
					JsonNode metadata = mapper.readTree(stream);
					for (JsonNode group : metadata.path("groups")) {
						if (TokenPayProperties.class.getName().equals(group.path("type").asString())) {
							return metadata;
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No configuration metadata for " + TokenPayProperties.class.getName());
	}

}
