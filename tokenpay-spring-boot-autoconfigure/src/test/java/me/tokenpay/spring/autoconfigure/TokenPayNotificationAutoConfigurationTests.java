package me.tokenpay.spring.autoconfigure;

import java.time.Duration;

import me.tokenpay.spring.client.notification.InMemoryNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.notification.TokenPayNotificationParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenPayNotificationAutoConfiguration}: which beans exist under which
 * properties, and which a user may replace.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayNotificationAutoConfigurationTests {

	private final LoopbackGateway gateway = new LoopbackGateway();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties());

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties());

	@Test
	void parserAndDeduplicatorExistWithoutTheEndpoint() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TokenPayNotificationParser.class);
			assertThat(context).hasSingleBean(InMemoryNotificationDeduplicator.class);
			assertThat(context).doesNotHaveBean(TokenPayNotificationDispatcher.class);
		});
	}

	@Test
	void noParserWithoutTheStartersMerchants() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TokenPayNotificationAutoConfiguration.class))
			.withPropertyValues("tokenpay.notification.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenPayNotificationParser.class);
				assertThat(context).doesNotHaveBean(TokenPayNotificationDispatcher.class);
			});
	}

	@Test
	void enabledInAServletApplicationRegistersTheEndpoint() {
		this.webContextRunner.withPropertyValues("tokenpay.notification.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(TokenPayNotificationDispatcher.class);
			assertThat(context).getBean("tokenPayNotificationRouter").isInstanceOf(RouterFunction.class);
			assertThat(context.getBean("tokenPayNotificationRouter").toString()).contains("/tokenpay/notifications");
		});
	}

	@Test
	void endpointPathIsAProperty() {
		this.webContextRunner
			.withPropertyValues("tokenpay.notification.enabled=true", "tokenpay.notification.path=/hooks/tokenpay")
			.run((context) -> assertThat(context.getBean("tokenPayNotificationRouter").toString())
				.contains("/hooks/tokenpay"));
	}

	@Test
	void disabledByDefaultInAServletApplication() {
		this.webContextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean("tokenPayNotificationRouter");
			assertThat(context).doesNotHaveBean(TokenPayNotificationDispatcher.class);
		});
	}

	@Test
	void noEndpointOutsideAWebApplication() {
		this.contextRunner.withPropertyValues("tokenpay.notification.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(TokenPayNotificationDispatcher.class);
			assertThat(context).doesNotHaveBean("tokenPayNotificationRouter");
		});
	}

	@Test
	void nothingWhenTokenPayIsDisabled() {
		this.webContextRunner.withPropertyValues("tokenpay.enabled=false", "tokenpay.notification.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TokenPayNotificationParser.class);
				assertThat(context).doesNotHaveBean("tokenPayNotificationRouter");
			});
	}

	@Test
	void userDeduplicatorReplacesTheInMemoryOne() {
		this.contextRunner.withPropertyValues("tokenpay.notification.enabled=true")
			.withBean("customDeduplicator", TokenPayNotificationDeduplicator.class,
					() -> new InMemoryNotificationDeduplicator(10, java.time.Clock.systemUTC()))
			.run((context) -> assertThat(context).getBeans(TokenPayNotificationDeduplicator.class)
				.containsOnlyKeys("customDeduplicator"));
	}

	@Test
	void negativeTimestampToleranceFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("tokenpay.notification.timestamp-tolerance=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining("tokenpay.notification.timestamp-tolerance"));
	}

	@Test
	void relativeEndpointPathFailsNamingTheProperty() {
		this.webContextRunner
			.withPropertyValues("tokenpay.notification.enabled=true", "tokenpay.notification.path=hooks")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.notification.path"));
	}

	@Test
	void zeroLeaseFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("tokenpay.notification.enabled=true", "tokenpay.notification.dedupe-lease=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.notification.dedupe-lease"));
	}

	@Test
	void defaultsFollowTokenPaysResendTimeline() {
		this.contextRunner.run((context) -> {
			TokenPayProperties.Notification notification = context.getBean(TokenPayProperties.class).notification();
			assertThat(notification.timestampTolerance()).isEqualTo(Duration.ofHours(24));
			assertThat(notification.dedupeRetention()).isEqualTo(Duration.ofHours(24));
			assertThat(notification.dedupeLease()).isEqualTo(Duration.ofMinutes(2));
			assertThat(notification.maxBodySize().toKilobytes()).isEqualTo(64);
		});
	}

}
