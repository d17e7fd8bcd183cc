package me.tokenpay.sample;

import me.tokenpay.spring.test.SignedNotification;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The HTTP client the sample's tests call it with.
 *
 * @author TokenPay Spring Boot team
 */
final class SampleClients {

	private SampleClients() {
	}

	/**
	 * Return a client of the sample running on a local port, on the JDK's
	 * {@code HttpClient} (which sends bodies with {@code PUT} and {@code DELETE} too).
	 * @param port the port
	 * @return the client
	 */
	static RestTestClient to(int port) {
		return RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + port)
			.build();
	}

	/**
	 * Deliver a notification to the sample's notification endpoint, as TokenPay does.
	 * @param client the client of the sample
	 * @param notification the notification, with its headers
	 * @return the sample's answer
	 */
	static RestTestClient.ResponseSpec deliver(RestTestClient client, SignedNotification notification) {
		return client.post()
			.uri("/tokenpay/notifications")
			.headers((headers) -> notification.headers().forEach(headers::set))
			.contentType(MediaType.APPLICATION_JSON)
			.body(notification.body())
			.exchange();
	}

}
