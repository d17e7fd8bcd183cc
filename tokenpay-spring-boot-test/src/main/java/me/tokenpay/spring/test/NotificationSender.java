package me.tokenpay.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import me.tokenpay.spring.client.TokenPayCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Sends the notifications of {@link MockTokenPayServer} as TokenPay does: a signed,
 * encrypted POST to the {@code notify_url}, resent on any answer but {@code 200 success}
 * on a schedule (by default compressed from TokenPay's 0s/15s/30s/3m/… to
 * 0/100/200/300/500 ms and 1/1/2/2/3 s, ten attempts), optionally several copies of each,
 * one after the other, optionally spoiled. Every attempt is journaled.
 *
 * @author TokenPay Spring Boot team
 */
final class NotificationSender implements AutoCloseable {

	static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ZERO, Duration.ofMillis(100),
			Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));

	private final TokenPayCredentials credentials;

	private final TokenPayCredentials wrongCredentials;

	private final HttpClient httpClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "mock-tokenpay-notifications");
		thread.setDaemon(true);
		return thread;
	});

	private final List<NotificationDelivery> deliveries = new ArrayList<>();

	private List<Duration> schedule = DEFAULT_SCHEDULE;

	private int copies = 1;

	private @Nullable NotificationTamper nextTamper;

	private int pending;

	private long generation;

	private final Clock clock = Clock.systemUTC();

	NotificationSender(TokenPayCredentials credentials, TokenPayCredentials wrongCredentials) {
		this.credentials = credentials;
		this.wrongCredentials = wrongCredentials;
	}

	synchronized void schedule(List<Duration> schedule) {
		this.schedule = List.copyOf(schedule);
	}

	synchronized void copies(int copies) {
		this.copies = copies;
	}

	synchronized void tamperNext(NotificationTamper tamper) {
		this.nextTamper = tamper;
	}

	/**
	 * Send a notification in the background.
	 * @param url the notification URL
	 * @param eventType the event type
	 * @param originalType the resource type
	 * @param transactionId the id of the payout or order
	 * @param resourceJson the resource to encrypt
	 */
	synchronized void send(String url, String eventType, String originalType, String transactionId,
			String resourceJson) {
		NotificationTamper tamper = this.nextTamper;
		this.nextTamper = null;
		TokenPayCredentials signer = (tamper == NotificationTamper.WRONG_KEY) ? this.wrongCredentials
				: this.credentials;
		SignedNotification notification = TokenPayNotifications.forTesting(signer.appSecret())
			.appId(this.credentials.appId())
			.mchId(this.credentials.mchId())
			.clock(this.clock)
			.notification(eventType, originalType, resourceJson);
		if (tamper == NotificationTamper.SIGNATURE) {
			String signature = Objects.requireNonNull(notification.headers().get("TTPay-Signature"));
			notification = notification.withHeader("TTPay-Signature",
					((signature.charAt(0) == 'A') ? "B" : "A") + signature.substring(1));
		}
		Delivery delivery = new Delivery(url, eventType, transactionId, notification, tamper, this.schedule,
				this.copies, this.generation);
		this.pending++;
		this.scheduler.schedule(() -> attempt(delivery, 1, 1), this.schedule.get(0).toMillis(), TimeUnit.MILLISECONDS);
	}

	private void attempt(Delivery delivery, int copy, int attempt) {
		NotificationDelivery result = post(delivery, copy, attempt);
		synchronized (this) {
			if (delivery.generation() != this.generation) {
				return;
			}
			this.deliveries.add(result);
			if (!result.acknowledged() && attempt < delivery.schedule().size()) {
				this.scheduler.schedule(() -> attempt(delivery, copy, attempt + 1),
						delivery.schedule().get(attempt).toMillis(), TimeUnit.MILLISECONDS);
			}
			else if (copy < delivery.copies()) {
				this.scheduler.execute(() -> attempt(delivery, copy + 1, 1));
			}
			else {
				this.pending--;
				notifyAll();
			}
		}
	}

	private NotificationDelivery post(Delivery delivery, int copy, int attempt) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.notification().body()));
		delivery.notification().headers().forEach(request::header);
		int status;
		String reply;
		try {
			HttpResponse<String> response = this.httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			reply = response.body();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			status = 0;
			reply = ex.getClass().getSimpleName();
		}
		return new NotificationDelivery(delivery.url(), delivery.eventType(), delivery.transactionId(), copy, attempt,
				status, (reply.length() > 64) ? reply.substring(0, 64) : reply, this.clock.instant(),
				delivery.tamper());
	}

	synchronized List<NotificationDelivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/**
	 * Wait until every notification sent so far was acknowledged or ran out of attempts.
	 * @param timeout the longest wait
	 * @return the deliveries
	 * @throws TimeoutException if some are still running
	 */
	synchronized List<NotificationDelivery> awaitSettled(Duration timeout)
			throws InterruptedException, TimeoutException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.pending > 0) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new TimeoutException(this.pending + " notification(s) still being delivered after " + timeout);
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return deliveries();
	}

	synchronized void reset() {
		this.generation++;
		this.pending = 0;
		this.deliveries.clear();
		this.schedule = DEFAULT_SCHEDULE;
		this.copies = 1;
		this.nextTamper = null;
		notifyAll();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	private record Delivery(String url, String eventType, String transactionId, SignedNotification notification,
			@Nullable NotificationTamper tamper, List<Duration> schedule, int copies, long generation) {

	}

}
