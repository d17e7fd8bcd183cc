package me.tokenpay.spring.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for the life cycle of {@link MockTokenPayExtension}: test classes are run with
 * the JUnit Platform launcher and the servers they saw are checked afterwards.
 *
 * @author TokenPay Spring Boot team
 */
class MockTokenPayExtensionLifecycleTests {

	private static final List<MockTokenPayServer> servers = new CopyOnWriteArrayList<>();

	private static volatile boolean launching;

	@BeforeEach
	void clearServers() {
		servers.clear();
	}

	@AfterEach
	void closeLeakedServers() {
		servers.forEach(MockTokenPayServer::close);
	}

	@Test
	void registeredExtensionClosesServerAfterClassAndSharesItWithNestedClasses() {
		TestExecutionSummary summary = launch(RegisteredExtensionFixture.class);
		assertThat(summary.getTestsSucceededCount()).as(summary::toString).isEqualTo(2);
		assertThat(summary.getTestsFailedCount()).isZero();
		assertOneServerSeenAndClosed();
	}

	@Test
	void declaredExtensionClosesServerAfterClassAndSharesItWithNestedClasses() {
		TestExecutionSummary summary = launch(DeclaredExtensionFixture.class);
		assertThat(summary.getTestsSucceededCount()).as(summary::toString).isEqualTo(2);
		assertThat(summary.getTestsFailedCount()).isZero();
		assertOneServerSeenAndClosed();
	}

	private static TestExecutionSummary launch(Class<?> testClass) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(testClass))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launching = true;
		try {
			LauncherFactory.create().execute(request, listener);
		}
		finally {
			launching = false;
		}
		return listener.getSummary();
	}

	private static void assertOneServerSeenAndClosed() {
		assertThat(servers).hasSize(2);
		assertThat(servers.get(1)).isSameAs(servers.get(0));
		assertThat(servers.get(0).isRunning()).as("closed after the class").isFalse();
	}

	static boolean launching() {
		return launching;
	}

	private static boolean acceptsConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@EnabledIf("me.tokenpay.spring.test.MockTokenPayExtensionLifecycleTests#launching")
	static class RegisteredExtensionFixture {

		@RegisterExtension
		static final MockTokenPayExtension tokenPay = new MockTokenPayExtension();

		@Test
		void outer() {
			servers.add(tokenPay.server());
			assertThat(acceptsConnections(tokenPay.server().port())).isTrue();
		}

		@Nested
		class Inner {

			@Test
			void inner(MockTokenPayServer server) {
				servers.add(server);
				assertThat(server).isSameAs(tokenPay.server());
				assertThat(acceptsConnections(server.port())).isTrue();
			}

		}

	}

	@EnabledIf("me.tokenpay.spring.test.MockTokenPayExtensionLifecycleTests#launching")
	@ExtendWith(MockTokenPayExtension.class)
	static class DeclaredExtensionFixture {

		@Test
		void outer(MockTokenPayServer server) {
			servers.add(server);
			assertThat(acceptsConnections(server.port())).isTrue();
		}

		@Nested
		class Inner {

			@Test
			void inner(MockTokenPayServer server) {
				servers.add(server);
				assertThat(acceptsConnections(server.port())).isTrue();
			}

		}

	}

}
