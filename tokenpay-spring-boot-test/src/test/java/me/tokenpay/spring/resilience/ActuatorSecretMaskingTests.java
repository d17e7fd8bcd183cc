package me.tokenpay.spring.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app secret is masked in the actuator's {@code configprops} and {@code env}
 * endpoints even when they are told to show values.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tokenpay.base-url=http://127.0.0.1:9", "tokenpay.app-id=8e4b8c2e7c0000001a1cbd3d59e0bd00",
				"tokenpay.mch-id=12345678", "tokenpay.app-secret=" + ActuatorSecretMaskingTests.SECRET,
				"management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always" })
class ActuatorSecretMaskingTests {

	static final String SECRET = "Sup3rS3cretAppSecretValue0123456";

	@Value("${local.server.port}")
	private int port;

	@Test
	void configpropsMasksTheAppSecret() throws Exception {
		String body = get("/actuator/configprops");
		assertThat(body).contains("\"tokenpay\"").contains("8e4b8c2e7c0000001a1cbd3d59e0bd00");
		assertThat(body).contains("\"appSecret\":\"******\"");
		assertThat(body).doesNotContain(SECRET);
	}

	@Test
	void envMasksTheAppSecret() throws Exception {
		String body = get("/actuator/env");
		assertThat(body).contains("tokenpay.app-secret").contains("12345678");
		assertThat(body).doesNotContain(SECRET);
	}

	@Test
	void envEntryOfTheAppSecretIsMasked() throws Exception {
		String body = get("/actuator/env/tokenpay.app-secret");
		assertThat(body).contains("******").doesNotContain(SECRET);
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ActuatorApplication {

	}

}
