package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayResponseTooLargeException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayTimeoutException;
import me.tokenpay.spring.client.signature.SignatureCipher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * End-to-end tests showing that every {@code tokenpay.*} property of
 * {@link TokenPayAutoConfiguration} binds and takes effect on calls to a loopback
 * gateway.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayAutoConfigurationPropertiesTests {

	private static final String OTHER_SECRET = "vutsrqponmlkjihgfedcba9876543210";

	private final LoopbackGateway gateway = new LoopbackGateway();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties());

	@AfterEach
	void closeGateway() {
		this.gateway.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/gateway", "/gateway/" })
	void baseUrlPathPrefixIsSentAndSigned(String prefix) {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.base-url=" + this.gateway.baseUrl() + prefix).run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			RecordedRequest request = this.gateway.takeRequest();
			assertThat(request.getTarget()).isEqualTo("/gateway/v1/payanother/close");
			LoopbackGateway.assertSigned(request, LoopbackGateway.APP_SECRET);
		});
	}

	@Test
	void baseUrlChoosesTheServer() {
		try (LoopbackGateway other = new LoopbackGateway()) {
			other.enqueueSuccess();
			this.contextRunner.withPropertyValues("tokenpay.base-url=" + other.baseUrl()).run((context) -> {
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				assertThat(other.requestCount()).isOne();
				assertThat(this.gateway.requestCount()).isZero();
			});
		}
	}

	@Test
	void appIdAndMchIdAreSentInBodyAndAuthorization() {
		this.gateway.enqueueSuccess();
		this.contextRunner
			.withPropertyValues("tokenpay.app-id=0123456789abcdef0123456789ABCDEF", "tokenpay.mch-id=87654321")
			.run((context) -> {
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				RecordedRequest request = this.gateway.takeRequest();
				assertThat(LoopbackGateway.body(request)).isEqualTo(
						"{\"app_id\":\"0123456789abcdef0123456789ABCDEF\",\"mch_id\":\"87654321\",\"payout_id\":\"P1\"}");
				Map<String, String> authorization = LoopbackGateway.assertSigned(request, LoopbackGateway.APP_SECRET);
				assertThat(authorization).containsEntry("app_id", "0123456789abcdef0123456789ABCDEF")
					.containsEntry("mch_id", "87654321");
				assertThat(authorization).containsOnlyKeys("app_id", "mch_id", "nonce_str", "timestamp", "signature");
			});
	}

	@Test
	void appSecretKeysTheSignature() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.app-secret=" + OTHER_SECRET).run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			RecordedRequest request = this.gateway.takeRequest();
			Map<String, String> authorization = LoopbackGateway.assertSigned(request, OTHER_SECRET);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new SignatureCipher(LoopbackGateway.APP_SECRET).open(authorization.get("signature")));
		});
	}

	@Test
	void appSecretVerifiesAnswers() {
		this.gateway.enqueueSignedSuccess(Instant.now());
		this.contextRunner.withPropertyValues("tokenpay.app-secret=" + OTHER_SECRET)
			.run((context) -> assertThatExceptionOfType(TokenPaySignatureException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	@Test
	void timeoutsAndNoRedirectsReachTheRequestFactory() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilderConfiguration.class)
			.withPropertyValues("tokenpay.connect-timeout=1234ms", "tokenpay.read-timeout=5678ms")
			.run((context) -> {
				HttpClientSettings settings = context
					.getBean(RecordingRequestFactoryBuilderConfiguration.class).settings.get();
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1234));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(5678));
				assertThat(settings.redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				assertThat(this.gateway.requestCount()).isOne();
			});
	}

	@Test
	void defaultTimeoutsReachTheRequestFactory() {
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilderConfiguration.class).run((context) -> {
			HttpClientSettings settings = context.getBean(RecordingRequestFactoryBuilderConfiguration.class).settings
				.get();
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(15));
		});
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void connectTimeoutFailsCallsToAServerThatDoesNotAccept() throws IOException {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			List<Socket> backlog = fillBacklog(full);
			try {
				this.contextRunner
					.withPropertyValues("tokenpay.base-url=http://127.0.0.1:" + full.getLocalPort(),
							"tokenpay.connect-timeout=300ms", "tokenpay.read-timeout=30s")
					.run((context) -> assertThatExceptionOfType(TokenPayTimeoutException.class)
						.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1"))
						.satisfies((ex) -> {
							assertThat(ex.isRequestSent()).isFalse();
							assertThat(causes(ex)).hasAtLeastOneElementOfType(ConnectTimeoutException.class);
						}));
			}
			finally {
				for (Socket socket : backlog) {
					socket.close();
				}
			}
		}
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static List<Socket> fillBacklog(ServerSocket server) throws IOException {
		List<Socket> sockets = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(server.getLocalSocketAddress(), 200);
				sockets.add(socket);
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				return sockets;
			}
		}
		throw new IllegalStateException("Could not fill the backlog of " + server);
	}

	@Test
	void readTimeoutFailsADelayedAnswer() {
		this.gateway.enqueue(LoopbackGateway.json(LoopbackGateway.SUCCESS).headersDelay(2, TimeUnit.SECONDS).build());
		this.contextRunner.withPropertyValues("tokenpay.read-timeout=300ms")
			.run((context) -> assertThatExceptionOfType(TokenPayTimeoutException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	@Test
	void readTimeoutAllowsAnAnswerThatArrivesInTime() {
		this.gateway
			.enqueue(LoopbackGateway.json(LoopbackGateway.SUCCESS).headersDelay(200, TimeUnit.MILLISECONDS).build());
		this.contextRunner.withPropertyValues("tokenpay.read-timeout=5s")
			.run((context) -> assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").code()).isZero());
	}

	@Test
	void readTimeoutWinsOverBootHttpClientSettings() {
		this.gateway.enqueue(LoopbackGateway.json(LoopbackGateway.SUCCESS).headersDelay(2, TimeUnit.SECONDS).build());
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.read-timeout=30s", "tokenpay.read-timeout=300ms")
			.run((context) -> assertThatExceptionOfType(TokenPayTimeoutException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	@Test
	void maxResponseSizeAcceptsAnAnswerOfExactlyThatSize() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.max-response-size=" + successSize() + "B")
			.run((context) -> assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").code()).isZero());
	}

	@Test
	void maxResponseSizeRejectsALargerAnswer() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.max-response-size=" + (successSize() - 1) + "B")
			.run((context) -> assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1"))
				.satisfies((ex) -> assertThat(ex.getMaxSize()).isEqualTo(successSize() - 1)));
	}

	@Test
	void maxResponseSizeRejectsALargerChunkedAnswer() {
		this.gateway.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.chunkedBody(LoopbackGateway.SUCCESS, 16)
			.build());
		this.contextRunner.withPropertyValues("tokenpay.max-response-size=32B")
			.run((context) -> assertThatExceptionOfType(TokenPayResponseTooLargeException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	private static int successSize() {
		return LoopbackGateway.SUCCESS.getBytes(StandardCharsets.UTF_8).length;
	}

	@Test
	void userAgentDefaultsToTheStarter() {
		this.gateway.enqueueSuccess();
		this.contextRunner.run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			assertThat(this.gateway.takeRequest().getHeaders().get("User-Agent"))
				.startsWith("tokenpay-spring-boot-starter/");
		});
	}

	@Test
	void userAgentIsSent() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.user-agent=shop/1.0").run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			assertThat(this.gateway.takeRequest().getHeaders().get("User-Agent")).isEqualTo("shop/1.0");
		});
	}

	@Test
	void cancelPayoutPathIsSentAndSigned() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.operations.cancel-payout.path=/v1/payout/close")
			.run((context) -> {
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				RecordedRequest request = this.gateway.takeRequest();
				assertThat(request.getTarget()).isEqualTo("/v1/payout/close");
				LoopbackGateway.assertSigned(request, LoopbackGateway.APP_SECRET);
			});
	}

	@Test
	void cancelPayoutPayoutIdFieldIsSent() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.payout.payout-id-field=payanother_id").run((context) -> {
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			RecordedRequest request = this.gateway.takeRequest();
			assertThat(LoopbackGateway.body(request)).isEqualTo("{\"app_id\":\"" + LoopbackGateway.APP_ID
					+ "\",\"mch_id\":\"" + LoopbackGateway.MCH_ID + "\",\"payanother_id\":\"P1\"}");
			LoopbackGateway.assertSigned(request, LoopbackGateway.APP_SECRET);
		});
	}

	@Test
	void timestampUnitSecondsSendsTenDigits() {
		this.gateway.enqueueSuccess();
		this.contextRunner.withPropertyValues("tokenpay.signature.timestamp-unit=seconds").run((context) -> {
			long before = Instant.now().getEpochSecond();
			context.getBean(TokenPayOperations.class).cancelPayout("P1");
			String timestamp = LoopbackGateway.assertSigned(this.gateway.takeRequest(), LoopbackGateway.APP_SECRET)
				.get("timestamp");
			assertThat(timestamp).matches("\\d{10}");
			assertThat(Long.parseLong(timestamp)).isBetween(before, Instant.now().getEpochSecond());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "milliseconds", "MILLISECONDS", "" })
	void timestampUnitMillisecondsSendsThirteenDigits(String unit) {
		this.gateway.enqueueSuccess();
		this.contextRunner
			.withPropertyValues(
					unit.isEmpty() ? new String[0] : new String[] { "tokenpay.signature.timestamp-unit=" + unit })
			.run((context) -> {
				long before = Instant.now().toEpochMilli();
				context.getBean(TokenPayOperations.class).cancelPayout("P1");
				String timestamp = LoopbackGateway.assertSigned(this.gateway.takeRequest(), LoopbackGateway.APP_SECRET)
					.get("timestamp");
				assertThat(timestamp).matches("\\d{13}");
				assertThat(Long.parseLong(timestamp)).isBetween(before, Instant.now().toEpochMilli());
			});
	}

	@Test
	void responseModeOffAcceptsABadlySignedAnswer() {
		enqueueBadlySignedSuccess();
		this.contextRunner.withPropertyValues("tokenpay.signature.response-mode=off")
			.run((context) -> assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").code()).isZero());
	}

	@Test
	void responseModeIfPresentIsTheDefaultAndRejectsABadlySignedAnswer() {
		enqueueBadlySignedSuccess();
		this.contextRunner.run((context) -> assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "if-present", "IF_PRESENT" })
	void responseModeIfPresentAcceptsUnsignedAndWellSignedAnswers(String mode) {
		this.gateway.enqueueSuccess();
		this.gateway.enqueueSignedSuccess(Instant.now());
		enqueueBadlySignedSuccess();
		this.contextRunner.withPropertyValues("tokenpay.signature.response-mode=" + mode).run((context) -> {
			TokenPayOperations operations = context.getBean(TokenPayOperations.class);
			assertThat(operations.cancelPayout("P1").code()).isZero();
			assertThat(operations.cancelPayout("P2").code()).isZero();
			assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> operations.cancelPayout("P3"));
		});
	}

	@Test
	void responseModeRequiredRejectsAnUnsignedAnswer() {
		this.gateway.enqueueSuccess();
		this.gateway.enqueueSignedSuccess(Instant.now());
		this.contextRunner.withPropertyValues("tokenpay.signature.response-mode=required").run((context) -> {
			TokenPayOperations operations = context.getBean(TokenPayOperations.class);
			assertThatExceptionOfType(TokenPaySignatureException.class).isThrownBy(() -> operations.cancelPayout("P1"))
				.withMessageContaining("required");
			assertThat(operations.cancelPayout("P2").code()).isZero();
		});
	}

	@Test
	void responseToleranceDefaultRejectsAnAnswerSignedTenMinutesAgo() {
		this.gateway.enqueueSignedSuccess(Instant.now().minus(Duration.ofMinutes(10)));
		this.contextRunner.run((context) -> assertThatExceptionOfType(TokenPaySignatureException.class)
			.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1"))
			.withMessageContaining("tokenpay.signature.response-tolerance"));
	}

	@Test
	void responseToleranceDefaultAcceptsAnAnswerSignedFourMinutesAgo() {
		this.gateway.enqueueSignedSuccess(Instant.now().minus(Duration.ofMinutes(4)));
		this.contextRunner
			.run((context) -> assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").code()).isZero());
	}

	@Test
	void responseToleranceCanBeWidened() {
		this.gateway.enqueueSignedSuccess(Instant.now().minus(Duration.ofMinutes(10)));
		this.contextRunner.withPropertyValues("tokenpay.signature.response-tolerance=15m")
			.run((context) -> assertThat(context.getBean(TokenPayOperations.class).cancelPayout("P1").code()).isZero());
	}

	@Test
	void responseToleranceCanBeNarrowed() {
		this.gateway.enqueueSignedSuccess(Instant.now().plus(Duration.ofMinutes(2)));
		this.contextRunner.withPropertyValues("tokenpay.signature.response-tolerance=1m")
			.run((context) -> assertThatExceptionOfType(TokenPaySignatureException.class)
				.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1")));
	}

	@Test
	void redirectToAnotherServerIsNotFollowed() {
		try (LoopbackGateway other = new LoopbackGateway()) {
			other.enqueueSuccess();
			this.gateway.enqueue(new MockResponse.Builder().code(302)
				.addHeader("Location", other.baseUrl() + "/v1/payanother/close")
				.build());
			this.contextRunner.run((context) -> {
				assertThatExceptionOfType(TokenPayException.class)
					.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1"));
				assertThat(this.gateway.requestCount()).isOne();
				assertThat(other.requestCount()).isZero();
			});
		}
	}

	@Test
	void redirectToAnotherPathIsNotFollowedEvenWhenBootClientsFollowRedirects() {
		this.gateway.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
		this.gateway.enqueueSuccess();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.redirects=follow", "spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThatExceptionOfType(TokenPayException.class)
					.isThrownBy(() -> context.getBean(TokenPayOperations.class).cancelPayout("P1"));
				assertThat(this.gateway.takeRequest().getTarget()).isEqualTo("/v1/payanother/close");
				assertThat(this.gateway.requestCount()).isOne();
			});
	}

	private void enqueueBadlySignedSuccess() {
		String timestamp = Long.toString(Instant.now().toEpochMilli());
		String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
		String signature = new SignatureCipher(OTHER_SECRET)
			.sign((timestamp + "\n" + nonce + "\n" + LoopbackGateway.SUCCESS).getBytes(StandardCharsets.UTF_8));
		this.gateway.enqueue(LoopbackGateway.json(LoopbackGateway.SUCCESS)
			.addHeader("TTPay-Timestamp", timestamp)
			.addHeader("TTPay-Nonce", nonce)
			.addHeader("TTPay-Signature", signature)
			.build());
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingRequestFactoryBuilderConfiguration {

		final AtomicReference<HttpClientSettings> settings = new AtomicReference<>();

		@Bean
		ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> recordingRequestFactoryBuilder() {
			return (settings) -> {
				this.settings.set(settings);
				return ClientHttpRequestFactoryBuilder.jdk().build(settings);
			};
		}

	}

}
