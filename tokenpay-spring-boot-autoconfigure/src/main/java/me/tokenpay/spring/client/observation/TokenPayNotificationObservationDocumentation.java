package me.tokenpay.spring.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the {@code tokenpay.notifications} observation.
 *
 * @author TokenPay Spring Boot team
 */
public enum TokenPayNotificationObservationDocumentation implements ObservationDocumentation {

	/**
	 * One notification delivery, from the raw body to the answer.
	 */
	NOTIFICATION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTokenPayNotificationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys with a bounded set of values, used as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The notification's event type, such as {@code PAYPAYOUT.SUCCESS}.
		 */
		EVENT_TYPE {
			@Override
			public String asString() {
				return "event.type";
			}
		},

		/**
		 * How the delivery ended: {@code success}, {@code handler-error},
		 * {@code bad-signature}, {@code decrypt-error}, {@code duplicate},
		 * {@code in-progress}, {@code unknown-merchant} or {@code malformed}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/**
	 * Keys with unbounded values, for traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The app id the notification is for.
		 */
		APP_ID {
			@Override
			public String asString() {
				return "tokenpay.app.id";
			}
		}

	}

}
