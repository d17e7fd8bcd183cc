package me.tokenpay.spring.client;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayClientObservationContext;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayObservationDocumentation;
import me.tokenpay.spring.client.observation.TokenPayOutcome;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the TokenPay merchant API. Each call serialises its body once, signs exactly
 * those bytes with the {@link AuthorizationSigner}, sends them through a
 * {@link RestClient}, verifies the answer's signature with the {@link ResponseVerifier},
 * reads its envelope and either returns the result or throws a {@link TokenPayException}
 * subtype. Every call is one {@code tokenpay.client.requests} observation. Thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayTemplate implements TokenPayOperations {

	private static final String CANCEL_PAYOUT = "cancel-payout";

	private static final TokenPayClientObservationConvention DEFAULT_CONVENTION = new DefaultTokenPayClientObservationConvention();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader();

	private final RestClient restClient;

	private final TokenPayClientSettings settings;

	private final TokenPayCredentials credentials;

	private final AuthorizationSigner signer;

	private final ResponseVerifier verifier;

	private final ObservationRegistry observationRegistry;

	private final String signedCancelPayoutPath;

	private @Nullable TokenPayClientObservationConvention observationConvention;

	/**
	 * Create a template.
	 * @param restClientBuilder the builder of the HTTP client; the base URL is set on it
	 * @param settings the API settings
	 * @param credentials the merchant credentials
	 * @param signer the request signer
	 * @param verifier the response signature verifier
	 * @param observationRegistry the registry for observations,
	 * {@link ObservationRegistry#NOOP} to observe nothing
	 */
	public TokenPayTemplate(RestClient.Builder restClientBuilder, TokenPayClientSettings settings,
			TokenPayCredentials credentials, AuthorizationSigner signer, ResponseVerifier verifier,
			ObservationRegistry observationRegistry) {
		this.restClient = restClientBuilder.baseUrl(settings.baseUrl().toString()).build();
		this.settings = settings;
		this.credentials = credentials;
		this.signer = signer;
		this.verifier = verifier;
		this.observationRegistry = observationRegistry;
		this.signedCancelPayoutPath = settings.signedPath(settings.cancelPayoutPath());
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention to use
	 */
	public void setObservationConvention(TokenPayClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public CancelPayoutResponse cancelPayout(CancelPayoutRequest request) {
		Assert.notNull(request, "Request must not be null");
		TokenPayClientObservationContext context = new TokenPayClientObservationContext(CANCEL_PAYOUT,
				request.payoutId());
		Observation observation = TokenPayObservationDocumentation.CLIENT_REQUEST
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			ResponseEnvelope envelope = exchange(this.settings.cancelPayoutPath(), this.signedCancelPayoutPath,
					cancelPayoutBody(request), context);
			context.setOutcome(TokenPayOutcome.SUCCESS);
			return new CancelPayoutResponse(envelope.code(), envelope.msg(), envelope.requestId());
		}
		catch (RuntimeException ex) {
			if (ex instanceof TokenPayException tokenPayException) {
				context.setOutcome(outcome(tokenPayException));
			}
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private byte[] cancelPayoutBody(CancelPayoutRequest request) {
		ObjectNode body = this.mapper.createObjectNode()
			.put("app_id", this.credentials.appId())
			.put("mch_id", this.credentials.mchId())
			.put(this.settings.payoutIdField(), request.payoutId());
		return this.mapper.writeValueAsBytes(body);
	}

	private ResponseEnvelope exchange(String path, String signedPath, byte[] body,
			TokenPayClientObservationContext context) {
		String authorization = this.signer.sign(HttpMethod.POST, signedPath, body);
		RawResponse response = send(path, authorization, body);
		ResponseEnvelope envelope = this.reader.read(response.status(), response.contentType(), response.body());
		context.setRequestId(envelope.requestId());
		this.verifier.verify(response.headers(), response.body(), envelope.tree(), envelope.requestId());
		context.setCode(envelope.code());
		if (envelope.code() != 0) {
			throw new TokenPayApiException(envelope.code(), envelope.msg(), envelope.requestId(), response.status());
		}
		if (!response.isSuccessful()) {
			throw new TokenPayUnexpectedResponseException("code 0 on an HTTP error status", response.status(),
					envelope.requestId());
		}
		return envelope;
	}

	private RawResponse send(String path, String authorization, byte[] body) {
		try {
			return this.restClient.post()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, authorization)
				.header(HttpHeaders.USER_AGENT, this.settings.userAgent())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.contentLength(body.length)
				.body((output) -> output.write(body))
				.exchange((clientRequest, clientResponse) -> RawResponse.read(clientResponse,
						this.settings.maxResponseSize()));
		}
		catch (ResourceAccessException ex) {
			if (isTimeout(ex)) {
				throw new TokenPayTimeoutException("TokenPay did not answer in time: " + ex.getMessage(), ex);
			}
			throw new TokenPayTransportException("Could not reach TokenPay: " + ex.getMessage(), ex);
		}
		catch (RestClientException ex) {
			throw new TokenPayTransportException("TokenPay call failed: " + ex.getMessage(), ex);
		}
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SocketTimeoutException || candidate instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static TokenPayOutcome outcome(TokenPayException ex) {
		if (ex instanceof TokenPayApiException) {
			return TokenPayOutcome.API_ERROR;
		}
		if (ex instanceof TokenPayTransportException) {
			return TokenPayOutcome.TRANSPORT_ERROR;
		}
		if (ex instanceof TokenPaySignatureException) {
			return TokenPayOutcome.SIGNATURE_ERROR;
		}
		return TokenPayOutcome.INVALID_RESPONSE;
	}

}
