package me.tokenpay.spring.client.signature;

import java.time.Instant;

/**
 * Unit of the {@code timestamp} in signed requests. TokenPay's English pages say seconds
 * while its corrected Chinese page says milliseconds; milliseconds is the default.
 *
 * @author TokenPay Spring Boot team
 */
public enum TimestampUnit {

	/**
	 * Epoch milliseconds, 13 digits.
	 */
	MILLISECONDS {
		@Override
		public String format(Instant instant) {
			return Long.toString(instant.toEpochMilli());
		}
	},

	/**
	 * Epoch seconds, 10 digits.
	 */
	SECONDS {
		@Override
		public String format(Instant instant) {
			return Long.toString(instant.getEpochSecond());
		}
	};

	/**
	 * Format an instant in this unit.
	 * @param instant the instant
	 * @return the decimal timestamp
	 */
	public abstract String format(Instant instant);

}
