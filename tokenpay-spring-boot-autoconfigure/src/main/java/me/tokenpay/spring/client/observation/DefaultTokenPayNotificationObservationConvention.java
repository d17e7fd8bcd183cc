package me.tokenpay.spring.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationDocumentation.HighCardinalityKeyNames;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationDocumentation.LowCardinalityKeyNames;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link TokenPayNotificationObservationConvention}: name
 * {@code tokenpay.notifications}, low-cardinality keys {@code event.type} (the event type
 * when it has the shape of one, {@code other} otherwise, {@code unknown} before it was
 * read) and {@code outcome}, and the app id as a high-cardinality key.
 *
 * @author TokenPay Spring Boot team
 */
public class DefaultTokenPayNotificationObservationConvention implements TokenPayNotificationObservationConvention {

	/**
	 * Name of the observation and of the timer it produces.
	 */
	public static final String NAME = "tokenpay.notifications";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenPayNotificationObservationContext context) {
		return "tokenpay notification";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenPayNotificationObservationContext context) {
		String outcome = context.getOutcome();
		return KeyValues.of(LowCardinalityKeyNames.EVENT_TYPE.withValue(eventType(context.getEventType())),
				LowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TokenPayNotificationObservationContext context) {
		String appId = context.getAppId();
		return (appId != null) ? KeyValues.of(KeyValue.of(HighCardinalityKeyNames.APP_ID, appId)) : KeyValues.empty();
	}

	/**
	 * Keep the value bounded: an event type the sender made up must not create a new
	 * metric series per request.
	 */
	private static String eventType(@Nullable String eventType) {
		if (eventType == null) {
			return "unknown";
		}
		boolean shaped = eventType.length() <= 48 && eventType.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
		return shaped ? eventType : "other";
	}

}
