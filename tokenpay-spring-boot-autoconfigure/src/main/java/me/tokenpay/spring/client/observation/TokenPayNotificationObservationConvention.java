package me.tokenpay.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of {@code tokenpay.notifications} observations.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayNotificationObservationConvention
		extends ObservationConvention<TokenPayNotificationObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenPayNotificationObservationContext;
	}

}
