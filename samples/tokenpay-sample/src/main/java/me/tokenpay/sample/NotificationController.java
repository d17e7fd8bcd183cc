package me.tokenpay.sample;

import java.util.List;

import me.tokenpay.sample.NotificationRecorder.NotificationView;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final MerchantSelector merchants;

	/**
	 * Create a new controller.
	 * @param recorder the handler that records notifications
	 * @param merchants picks the merchant of a request
	 */
	public NotificationController(NotificationRecorder recorder, MerchantSelector merchants) {
		this.recorder = recorder;
		this.merchants = merchants;
	}

	/**
	 * List the last 100 notifications handled, newest first.
	 * @param merchant a merchant's name ({@code ?merchant=}) to list only its
	 * notifications, every merchant's when absent
	 * @return the notifications
	 */
	@GetMapping("/notifications")
	public List<NotificationView> notifications(@RequestParam(required = false) @Nullable String merchant) {
		if (merchant == null) {
			return this.recorder.recorded();
		}
		this.merchants.operations(merchant);
		return this.recorder.recorded().stream().filter((view) -> view.merchant().equals(merchant)).toList();
	}

}
