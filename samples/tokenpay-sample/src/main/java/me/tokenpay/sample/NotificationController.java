package me.tokenpay.sample;

import java.util.List;

import me.tokenpay.sample.NotificationRecorder.NotificationView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the notifications the application handled. TokenPay posts them to
 * {@code /tokenpay/notifications}, the starter's endpoint, turned on by
 * {@code tokenpay.notification.enabled=true}.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class NotificationController {

	private final NotificationRecorder recorder;

	/**
	 * Create a new controller.
	 * @param recorder the handler that records notifications
	 */
	public NotificationController(NotificationRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * List the last 100 notifications handled, newest first.
	 * @return the notifications
	 */
	@GetMapping("/notifications")
	public List<NotificationView> notifications() {
		return this.recorder.recorded();
	}

}
