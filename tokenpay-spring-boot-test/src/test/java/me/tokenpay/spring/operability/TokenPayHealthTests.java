package me.tokenpay.spring.operability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.autoconfigure.InvalidTokenPayPropertyException;
import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.autoconfigure.TokenPayNotificationAutoConfiguration;
import me.tokenpay.spring.autoconfigure.TokenPayVerificationAutoConfiguration;
import me.tokenpay.spring.client.verification.TokenPayVerification.Verdict;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the {@code tokenpay} health indicator and the start-up verification
 * against the mock gateway: each misconfiguration a user can make is told apart and names
 * the property to fix.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenPayHealthTests {

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class,
				TokenPayNotificationAutoConfiguration.class, TokenPayVerificationAutoConfiguration.class))
		.withPropertyValues(this.server.propertyValues())
		.withPropertyValues("tokenpay.retry.max-attempts=1");

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void rightConfigurationIsUp() {
		this.contextRunner.run((context) -> {
			Health health = health(context, "default");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("verdict", "OK").doesNotContainKey("property");
			assertThat(this.server.requests()).singleElement()
				.satisfies((request) -> assertThat(request.code()).isEqualTo(12002));
		});
	}

	@Test
	void aWrongSecretIsDownNamingTheSecret() {
		String wrong = MockTokenPayServer.generateCredentials().appSecret();
		this.contextRunner.withPropertyValues("tokenpay.app-secret=" + wrong).run((context) -> {
			Health health = health(context, "default");
			assertDown(health, Verdict.WRONG_SECRET, "tokenpay.app-secret");
			assertThat(health.getDetails().toString()).doesNotContain(wrong)
				.doesNotContain(this.server.credentials().appSecret());
		});
	}

	@Test
	void aWrongAppIdIsDownNamingTheAppId() {
		String appId = MockTokenPayServer.generateCredentials().appId();
		this.contextRunner.withPropertyValues("tokenpay.app-id=" + appId)
			.run((context) -> assertDown(health(context, "default"), Verdict.WRONG_APP_ID, "tokenpay.app-id"));
	}

	@Test
	void aWrongBaseUrlPathIsDownNamingTheBaseUrl() {
		this.contextRunner.withPropertyValues("tokenpay.base-url=" + this.server.baseUrl() + "/v1")
			.run((context) -> assertDown(health(context, "default"), Verdict.ENDPOINT_NOT_FOUND, "tokenpay.base-url"));
	}

	@Test
	void anUnreachableHostIsDownNamingTheBaseUrl() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.contextRunner.withPropertyValues("tokenpay.base-url=http://127.0.0.1:" + closedPort)
			.run((context) -> assertDown(health(context, "default"), Verdict.UNREACHABLE, "tokenpay.base-url"));
	}

	@Test
	void aClockOutsideTheGatewaysWindowIsDownNamingTheTimestampSetting() {
		this.server.clock(Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));
		this.contextRunner.run((context) -> assertDown(health(context, "default"), Verdict.CLOCK_SKEW,
				"tokenpay.signature.timestamp-unit"));
	}

	@Test
	void eachMerchantIsAComponentNamingItsOwnProperties() {
		this.server.addMerchant("eu");
		String wrong = MockTokenPayServer.generateCredentials().appSecret();
		this.contextRunner.withPropertyValues(this.server.propertyValues())
			.withPropertyValues("tokenpay.merchants.eu.app-secret=" + wrong)
			.run((context) -> {
				assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
				assertDown(health(context, "eu"), Verdict.WRONG_SECRET, "tokenpay.merchants.eu.app-secret");
			});
	}

	@Test
	void aVerificationIsReusedForTheCacheTtl() {
		this.contextRunner.run((context) -> {
			for (int i = 0; i < 5; i++) {
				assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
			}
			assertThat(this.server.requests()).hasSize(1);
		});
	}

	@Test
	void startUpFailsNamingThePropertyWhenVerificationFails() {
		String wrong = MockTokenPayServer.generateCredentials().appSecret();
		this.contextRunner.withPropertyValues("tokenpay.verify-on-startup=fail", "tokenpay.app-secret=" + wrong)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				List<Throwable> causes = new ArrayList<>();
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					causes.add(cause);
				}
				assertThat(causes).filteredOn(InvalidTokenPayPropertyException.class::isInstance)
					.singleElement()
					.satisfies((cause) -> {
						InvalidTokenPayPropertyException invalid = (InvalidTokenPayPropertyException) cause;
						assertThat(invalid.getProperty()).isEqualTo("tokenpay.app-secret");
						assertThat(invalid.getMessage()).contains("WRONG_SECRET").doesNotContain(wrong);
						assertThat(invalid.getAction()).contains("tokenpay.verify-on-startup=warn");
					});
			});
	}

	@Test
	void startUpWarnsNamingThePropertyAndStarts(CapturedOutput output) {
		String appId = MockTokenPayServer.generateCredentials().appId();
		this.contextRunner.withPropertyValues("tokenpay.verify-on-startup=warn", "tokenpay.app-id=" + appId)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("TokenPay merchant 'default' failed verification (WRONG_APP_ID)")
					.contains("check tokenpay.app-id");
			});
	}

	@Test
	void startUpSummarisesEveryMerchantWithoutTheSecret(CapturedOutput output) {
		this.contextRunner.withPropertyValues("tokenpay.verify-on-startup=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("TokenPay merchant 'default' (default): base URL " + this.server.baseUrl())
				.contains("app id " + this.server.credentials().appId())
				.contains("merchant id " + this.server.credentials().mchId())
				.contains("rate limit local (5 per PT1S)")
				.contains("notifications off")
				.contains("HTTP client ")
				.contains("TokenPay merchant 'default' verified")
				.doesNotContain(this.server.credentials().appSecret());
		});
	}

	private static Health health(AssertableApplicationContext context, String merchant) {
		CompositeHealthContributor contributor = context.getBean("tokenpayHealthContributor",
				CompositeHealthContributor.class);
		Health health = ((HealthIndicator) contributor.getContributor(merchant)).health();
		assertThat(health).isNotNull();
		return health;
	}

	private static void assertDown(Health health, Verdict verdict, String property) {
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("verdict", verdict.name()).containsEntry("property", property);
		assertThat(health.getDetails().get("description").toString()).contains(property);
	}

}
