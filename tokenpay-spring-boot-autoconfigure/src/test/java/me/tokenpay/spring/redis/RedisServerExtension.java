package me.tokenpay.spring.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts one real {@code redis-server} per test class (Debian's package, or the binary
 * named by {@code TOKENPAY_TEST_REDIS_SERVER}) and injects it as a {@link RedisServer}
 * parameter; stops it after the class. When the binary is absent the tests are skipped
 * with a message, unless {@code TOKENPAY_REQUIRE_REDIS=true} (as CI sets it), where they
 * fail.
 *
 * @author TokenPay Spring Boot team
 */
public class RedisServerExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RedisServerExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ExtensionContext classContext = extensionContext.getRoot();
		return classContext.getStore(NAMESPACE).computeIfAbsent(RedisServer.class, (key) -> start(), RedisServer.class);
	}

	private static RedisServer start() {
		Path binary = RedisServer.findBinary();
		boolean present = Files.isExecutable(binary);
		if (!present && Boolean.parseBoolean(System.getenv("TOKENPAY_REQUIRE_REDIS"))) {
			throw new ParameterResolutionException("redis-server not found at " + binary
					+ " but TOKENPAY_REQUIRE_REDIS=true: install it (apt-get install -y redis-server)");
		}
		assumeTrue(present, () -> "Skipping Redis tests: no redis-server at " + binary
				+ " (apt-get install -y redis-server, or set TOKENPAY_TEST_REDIS_SERVER)");
		try {
			return RedisServer.start(binary);
		}
		catch (IOException ex) {
			throw new ParameterResolutionException("Could not start redis-server", ex);
		}
	}

}
