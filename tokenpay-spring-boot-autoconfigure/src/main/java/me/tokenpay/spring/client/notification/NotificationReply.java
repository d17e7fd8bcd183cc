package me.tokenpay.spring.client.notification;

/**
 * What to answer a notification delivery: TokenPay stops resending only on a {@code 200}
 * whose body is {@code success}.
 *
 * @param status the HTTP status
 * @param body the plain-text body, {@code success} or {@code fail}
 * @param outcome how the delivery ended
 * @author TokenPay Spring Boot team
 */
public record NotificationReply(int status, String body, NotificationOutcome outcome) {

	/**
	 * The body that stops TokenPay's resends.
	 */
	public static final String SUCCESS = "success";

	/**
	 * The body of every other answer.
	 */
	public static final String FAIL = "fail";

	static NotificationReply of(NotificationOutcome outcome) {
		return switch (outcome) {
			case SUCCESS, DUPLICATE -> new NotificationReply(200, SUCCESS, outcome);
			case HANDLER_ERROR, IN_PROGRESS, STORE_ERROR -> new NotificationReply(500, FAIL, outcome);
			default -> new NotificationReply(400, FAIL, outcome);
		};
	}

	/**
	 * Return whether TokenPay will stop resending the notification.
	 * @return whether this is a {@code 200 success}
	 */
	public boolean isAcknowledged() {
		return this.status == 200;
	}

}
