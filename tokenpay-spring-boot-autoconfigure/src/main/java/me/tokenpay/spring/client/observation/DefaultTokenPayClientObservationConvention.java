package me.tokenpay.spring.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import me.tokenpay.spring.client.observation.TokenPayObservationDocumentation.HighCardinalityKeyNames;
import me.tokenpay.spring.client.observation.TokenPayObservationDocumentation.LowCardinalityKeyNames;

/**
 * Default {@link TokenPayClientObservationConvention}: name
 * {@code tokenpay.client.requests}, low-cardinality keys {@code operation},
 * {@code outcome}, {@code code}, {@code attempts} and {@code merchant}, high-cardinality
 * keys for the app id, the id the call is about and the request id.
 *
 * @author TokenPay Spring Boot team
 */
public class DefaultTokenPayClientObservationConvention implements TokenPayClientObservationConvention {

	/**
	 * Name of the observation and of the timer it produces.
	 */
	public static final String NAME = "tokenpay.client.requests";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenPayClientObservationContext context) {
		return "tokenpay " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenPayClientObservationContext context) {
		TokenPayOutcome outcome = context.getOutcome();
		Integer code = context.getCode();
		return KeyValues.of(LowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome.getValue() : NONE),
				LowCardinalityKeyNames.CODE.withValue((code != null) ? code.toString() : NONE),
				LowCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.getAttempts())),
				LowCardinalityKeyNames.MERCHANT.withValue(context.getMerchant()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TokenPayClientObservationContext context) {
		String resourceId = context.getResourceId();
		String requestId = context.getRequestId();
		KeyValues keyValues = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.APP_ID, context.getAppId()));
		if (resourceId != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.RESOURCE_ID, resourceId));
		}
		if (requestId != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.REQUEST_ID, requestId));
		}
		return keyValues;
	}

}
