package me.tokenpay.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal non-web application with every auto-configuration on the class path: the
 * starter's dependencies are always present, so the difference between a run with and
 * without {@code TokenPayAutoConfiguration} is the cost of the auto-configuration.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApplication {

	private static final String AUTO_CONFIGURATION = "me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration";

	static ConfigurableApplicationContext run(boolean withStarter) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.level.root", "WARN");
		properties.put("spring.main.lazy-initialization", "false");
		properties.put("tokenpay.base-url", "http://127.0.0.1:9");
		properties.put("tokenpay.app-id", Fixtures.APP_ID);
		properties.put("tokenpay.mch-id", Fixtures.MCH_ID);
		properties.put("tokenpay.app-secret", Fixtures.APP_SECRET);
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", AUTO_CONFIGURATION);
		}
		application.setDefaultProperties(properties);
		ConfigurableApplicationContext context = application.run();
		if (context.containsBean("tokenPayTemplate") != withStarter) {
			throw new IllegalStateException("TokenPayTemplate bean present: " + !withStarter);
		}
		return context;
	}

}
