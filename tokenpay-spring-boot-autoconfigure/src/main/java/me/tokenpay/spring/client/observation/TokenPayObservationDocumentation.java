package me.tokenpay.spring.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the {@code tokenpay.client.requests} observation.
 *
 * @author TokenPay Spring Boot team
 */
public enum TokenPayObservationDocumentation implements ObservationDocumentation {

	/**
	 * One TokenPay call, from argument checks to the final answer.
	 */
	CLIENT_REQUEST {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTokenPayClientObservationConvention.class;
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
		 * The API operation, for example {@code create-payout}, {@code query-payout} or
		 * {@code cancel-payout}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * How the call ended: {@code success}, {@code api-error},
		 * {@code transport-error}, {@code invalid-response}, {@code signature-error},
		 * {@code rate-limited} or {@code outcome-unknown}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The gateway code of the final answer, or {@code none} if no readable answer
		 * arrived.
		 */
		CODE {
			@Override
			public String asString() {
				return "code";
			}
		},

		/**
		 * The number of attempts made, bounded by {@code tokenpay.retry.max-attempts}.
		 */
		ATTEMPTS {
			@Override
			public String asString() {
				return "attempts";
			}
		},

		/**
		 * The name of the merchant making the call ({@code default} or a name under
		 * {@code tokenpay.merchants}), bounded by configuration.
		 */
		MERCHANT {
			@Override
			public String asString() {
				return "merchant";
			}
		}

	}

	/**
	 * Keys with unbounded values, for traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The app id of the merchant making the call.
		 */
		APP_ID {
			@Override
			public String asString() {
				return "tokenpay.app.id";
			}
		},

		/**
		 * The id the call is about: the payout id of a cancel, the {@code out_trade_no}
		 * of a create or query.
		 */
		RESOURCE_ID {
			@Override
			public String asString() {
				return "tokenpay.resource.id";
			}
		},

		/**
		 * The gateway's request id.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "tokenpay.request.id";
			}
		}

	}

}
