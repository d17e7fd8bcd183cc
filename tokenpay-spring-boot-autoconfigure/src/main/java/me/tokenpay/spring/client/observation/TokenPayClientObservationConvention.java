package me.tokenpay.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for TokenPay calls. A bean of this type replaces
 * {@link DefaultTokenPayClientObservationConvention}.
 *
 * @author TokenPay Spring Boot team
 */
public interface TokenPayClientObservationConvention extends ObservationConvention<TokenPayClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenPayClientObservationContext;
	}

}
