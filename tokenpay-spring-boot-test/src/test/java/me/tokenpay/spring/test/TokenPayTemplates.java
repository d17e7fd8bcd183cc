package me.tokenpay.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayTemplate;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link TokenPayTemplate TokenPayTemplates} by hand against a
 * {@link MockTokenPayServer}, the way an application without Spring Boot would.
 *
 * @author TokenPay Spring Boot team
 */
final class TokenPayTemplates {

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

	private TokenPayTemplates() {
	}

	static TokenPayTemplate template(MockTokenPayServer server) {
		return template(server, DEFAULT_READ_TIMEOUT, ResponseSignatureMode.REQUIRED);
	}

	static TokenPayTemplate template(MockTokenPayServer server, Duration readTimeout) {
		return template(server, readTimeout, ResponseSignatureMode.REQUIRED);
	}

	static TokenPayTemplate template(MockTokenPayServer server, ResponseSignatureMode mode) {
		return template(server, DEFAULT_READ_TIMEOUT, mode);
	}

	static TokenPayTemplate template(MockTokenPayServer server, Duration readTimeout, ResponseSignatureMode mode) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		return template(server, requestFactory, mode);
	}

	/**
	 * Build a template on {@code HttpURLConnection}, whose read timeout applies to every
	 * read of the body. Spring's JDK {@code HttpClient} request factory closes a body
	 * that is still arriving when its timeout expires, which the template reports as a
	 * transport failure rather than a timeout.
	 * @param server the server
	 * @param readTimeout the read timeout
	 * @return the template
	 */
	static TokenPayTemplate urlConnectionTemplate(MockTokenPayServer server, Duration readTimeout) {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(Duration.ofSeconds(5));
		requestFactory.setReadTimeout(readTimeout);
		return template(server, requestFactory, ResponseSignatureMode.REQUIRED);
	}

	private static TokenPayTemplate template(MockTokenPayServer server, ClientHttpRequestFactory requestFactory,
			ResponseSignatureMode mode) {
		ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(server.credentials().appSecret()), mode,
				Duration.ofMinutes(5), Clock.systemUTC());
		return TokenPayTemplate.builder()
			.restClientBuilder(RestClient.builder().requestFactory(requestFactory))
			.settings(TokenPayClientSettings.defaults(URI.create(server.baseUrl())))
			.credentials(server.credentials())
			.verifier(verifier)
			.build();
	}

}
