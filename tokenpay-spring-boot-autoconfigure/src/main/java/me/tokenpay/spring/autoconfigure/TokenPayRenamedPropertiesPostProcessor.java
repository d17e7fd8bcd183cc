package me.tokenpay.spring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Honours the deprecated names of renamed TokenPay properties: the value of an old name
 * is used under its new name when the new name is not set, with a warning either way.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayRenamedPropertiesPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source holding the values of old names under their new names.
	 */
	static final String PROPERTY_SOURCE_NAME = "tokenpayRenamedProperties";

	/**
	 * The new name of each renamed property, by old name.
	 */
	static final Map<String, String> RENAMED = renamed();

	private final Log logger;

	TokenPayRenamedPropertiesPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(TokenPayRenamedPropertiesPostProcessor.class);
	}

	private static Map<String, String> renamed() {
		Map<String, String> renamed = new LinkedHashMap<>();
		renamed.put("tokenpay.cancel-payout.path", "tokenpay.operations.cancel-payout.path");
		renamed.put("tokenpay.cancel-payout.payout-id-field", "tokenpay.payout.payout-id-field");
		renamed.put("tokenpay.cancel-payout.not-open-codes", "tokenpay.payout.not-open-codes");
		renamed.put("tokenpay.operations.cancel-payout.payout-id-field", "tokenpay.payout.payout-id-field");
		renamed.put("tokenpay.operations.cancel-payout.not-open-codes", "tokenpay.payout.not-open-codes");
		renamed.put("tokenpay.operations.create-pay-in.amount-format", "tokenpay.pay-in.amount-format");
		renamed.put("tokenpay.operations.query-pay-in.id-location",
				"tokenpay.operations.query-pay-in.parameter-location");
		renamed.put("tokenpay.operations.close-pay-in.not-closable-codes", "tokenpay.pay-in.not-closable-codes");
		return Collections.unmodifiableMap(renamed);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		Map<String, Object> values = new LinkedHashMap<>();
		RENAMED.forEach((oldName, newName) -> {
			BindResult<List<String>> value = binder.bind(oldName, Bindable.listOf(String.class));
			if (!value.isBound()) {
				return;
			}
			if (values.containsKey(newName) || binder.bind(newName, Bindable.listOf(String.class)).isBound()) {
				this.logger.warn("Ignoring the deprecated property " + oldName + ": " + newName + " is set");
				return;
			}
			this.logger.warn("The property " + oldName + " is deprecated; set " + newName + " instead");
			values.put(newName, String.join(",", value.get()));
		});
		if (!values.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, values));
		}
	}

}
