package me.tokenpay.spring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.error.TokenPayInvalidRequestException;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.merchant.TokenPayMerchantRepository;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.notification.NotificationKeys;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for named merchants: properties, validation naming the entry, the
 * {@link TokenPayMerchants} bean, the default merchant and the repository SPI.
 *
 * @author TokenPay Spring Boot team
 */
class TokenPayMerchantsAutoConfigurationTests {

	private static final String EU_APP_ID = "ee00000000000000000000000000000e";

	private static final String EU_SECRET = "EuropeAppSecret-0123456789abcdef";

	private static final String ASIA_APP_ID = "a5100000000000000000000000000000";

	private static final String ASIA_SECRET = "AsiaAppSecretValue-0123456789abc";

	private final LoopbackGateway gateway = new LoopbackGateway();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
		.withPropertyValues(this.gateway.properties())
		.withPropertyValues(merchant("eu", EU_APP_ID, "11111111", EU_SECRET))
		.withPropertyValues(merchant("asia", ASIA_APP_ID, "22222222", ASIA_SECRET));

	@AfterEach
	void stop() {
		this.gateway.close();
	}

	@Test
	void flatCredentialsAreTheDefaultMerchantBesideTheNamedOnes() {
		this.contextRunner.run((context) -> {
			TokenPayMerchants merchants = context.getBean(TokenPayMerchants.class);
			assertThat(merchants.names()).containsExactly("default", "eu", "asia");
			assertThat(context.getBean(TokenPayOperations.class)).isSameAs(merchants.get("default"));
			assertThat(merchants.get("eu")).isSameAs(merchants.get("eu")).isNotSameAs(merchants.get("asia"));
			assertThat(merchants.forAppId(ASIA_APP_ID)).isSameAs(merchants.get("asia"));
			assertThat(merchants.merchant("eu").credentials().mchId()).isEqualTo("11111111");
		});
	}

	@Test
	void eachMerchantSignsWithItsOwnCredentials() {
		this.contextRunner.run((context) -> {
			TokenPayMerchants merchants = context.getBean(TokenPayMerchants.class);
			this.gateway.enqueue(json(LoopbackGateway.SUCCESS));
			merchants.get("eu").cancelPayout("2a1cfa6568a1b2c3d4e5f63050957024");
			RecordedRequest request = this.gateway.takeRequest();
			assertThat(request.getHeaders().get("Authorization")).contains("app_id=" + EU_APP_ID)
				.contains("mch_id=11111111");
			assertThat(request.getBody().utf8()).contains("\"app_id\":\"" + EU_APP_ID + "\"");
		});
	}

	@Test
	void observationsNameTheMerchant() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> registry).run((context) -> {
			this.gateway.enqueue(json(LoopbackGateway.SUCCESS));
			context.getBean(TokenPayMerchants.class).get("asia").cancelPayout("2a1cfa6568a1b2c3d4e5f63050957024");
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("tokenpay.client.requests")
				.that()
				.hasLowCardinalityKeyValue("merchant", "asia")
				.hasHighCardinalityKeyValue("tokenpay.app.id", ASIA_APP_ID);
		});
	}

	@Test
	void closingTheContextClosesTheSharedHttpClient() {
		this.contextRunner.run((context) -> {
			Object factory = context.getBean(TokenPayAutoConfiguration.REQUEST_FACTORY_BEAN_NAME);
			assertThat(factory).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			context.close();
			assertThatIllegalStateException().isThrownBy(() -> ((HttpComponentsClientHttpRequestFactory) factory)
				.createRequest(URI.create(this.gateway.baseUrl()), HttpMethod.GET)
				.execute());
		});
	}

	@Test
	void unknownMerchantNameIsAnInvalidRequestNamingIt() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(TokenPayInvalidRequestException.class)
			.isThrownBy(() -> context.getBean(TokenPayMerchants.class).get("mars"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("merchant"))
			.withMessageContaining("mars")
			.withMessageContaining("[default, eu, asia]"));
	}

	@Test
	void defaultMerchantChoosesTheOperationsBean() {
		this.contextRunner.withPropertyValues("tokenpay.default-merchant=eu").run((context) -> {
			TokenPayMerchants merchants = context.getBean(TokenPayMerchants.class);
			assertThat(context.getBean(TokenPayOperations.class)).isSameAs(merchants.get("eu"));
		});
	}

	@Test
	void onlyNamedMerchantsNeedADefaultWhenThereAreSeveral() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues(merchant("eu", EU_APP_ID, "11111111", EU_SECRET))
			.withPropertyValues(merchant("asia", ASIA_APP_ID, "22222222", ASIA_SECRET))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining("tokenpay.default-merchant"));
	}

	@Test
	void aSingleNamedMerchantIsTheDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues(merchant("eu", EU_APP_ID, "11111111", EU_SECRET))
			.run((context) -> assertThat(context.getBean(TokenPayMerchants.class).names()).containsExactly("eu"));
	}

	@Test
	void unknownDefaultMerchantFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("tokenpay.default-merchant=mars")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenpay.default-merchant")
				.hasMessageContaining("mars"));
	}

	@Test
	void eachInvalidEntryFailsNamingItsProperty() {
		assertFailureNames("tokenpay.merchants.eu.app-secret", "tokenpay.merchants.eu.app-secret=too-short");
		assertFailureNames("tokenpay.merchants.eu.mch-id", "tokenpay.merchants.eu.mch-id=");
		assertFailureNames("tokenpay.merchants.asia.base-url", "tokenpay.merchants.asia.base-url=http://example.com");
		assertFailureNames("tokenpay.merchants.default", "tokenpay.merchants.default.app-id=" + EU_APP_ID,
				"tokenpay.merchants.default.mch-id=1", "tokenpay.merchants.default.app-secret=" + EU_SECRET);
	}

	@Test
	void secretsAreMaskedInToStringAndByTheSanitizer() {
		this.contextRunner.run((context) -> {
			TokenPayProperties properties = context.getBean(TokenPayProperties.class);
			assertThat(properties.toString()).doesNotContain(EU_SECRET)
				.doesNotContain(ASIA_SECRET)
				.doesNotContain(LoopbackGateway.APP_SECRET);
			assertThat(context.getBean(TokenPayMerchants.class).merchant("eu").toString()).doesNotContain(EU_SECRET);
		});
		SanitizingFunction sanitizer = new TokenPayAutoConfiguration.TokenPayActuatorConfiguration()
			.tokenPayAppSecretSanitizingFunction();
		for (String key : List.of("tokenpay.merchants.eu.app-secret", "tokenpay.app-secret", "appSecret")) {
			SanitizableData data = new SanitizableData(null, key, EU_SECRET);
			assertThat(sanitizer.apply(data).getValue()).as(key).isNotEqualTo(EU_SECRET);
		}
	}

	@Test
	void notificationKeysRouteByAppIdToTheMerchant() {
		this.contextRunner.run((context) -> {
			NotificationKeys keys = context.getBean(TokenPayMerchants.class);
			assertThat(keys.key(EU_APP_ID)).isEqualTo(new NotificationKeys.Key("eu", EU_SECRET));
			assertThat(keys.key("0".repeat(32))).isNull();
			assertThat(keys.key(EU_APP_ID).toString()).doesNotContain(EU_SECRET);
		});
	}

	@Test
	void userRepositoryReplacesThePropertiesAndRefreshReadsItAgain() {
		List<TokenPayMerchant> stored = new ArrayList<>();
		AtomicInteger reads = new AtomicInteger();
		stored.add(new TokenPayMerchant("shop-1", new TokenPayCredentials(EU_APP_ID, "11111111", EU_SECRET), null));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TokenPayAutoConfiguration.class))
			.withPropertyValues("tokenpay.base-url=" + this.gateway.baseUrl(), "tokenpay.default-merchant=shop-1")
			.withBean(TokenPayMerchantRepository.class, () -> () -> {
				reads.incrementAndGet();
				return List.copyOf(stored);
			})
			.run((context) -> {
				assertThat(reads).as("repository reads at start-up").hasValue(1);
				TokenPayMerchants merchants = context.getBean(TokenPayMerchants.class);
				assertThat(merchants.names()).containsExactly("shop-1");
				TokenPayOperations first = merchants.get("shop-1");
				stored.add(new TokenPayMerchant("shop-2", new TokenPayCredentials(ASIA_APP_ID, "22222222", ASIA_SECRET),
						null));
				assertThat(merchants.names()).containsExactly("shop-1");
				merchants.refresh();
				assertThat(merchants.names()).containsExactly("shop-1", "shop-2");
				assertThat(merchants.get("shop-1")).isNotSameAs(first);
				assertThat(merchants.defaultName()).isEqualTo("shop-1");
			});
	}

	private void assertFailureNames(String property, String... values) {
		this.contextRunner.withPropertyValues(values)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTokenPayPropertyException.class)
				.hasMessageContaining(property));
	}

	private static String[] merchant(String name, String appId, String mchId, String secret) {
		String prefix = "tokenpay.merchants." + name;
		return new String[] { prefix + ".app-id=" + appId, prefix + ".mch-id=" + mchId,
				prefix + ".app-secret=" + secret };
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
	}

}
