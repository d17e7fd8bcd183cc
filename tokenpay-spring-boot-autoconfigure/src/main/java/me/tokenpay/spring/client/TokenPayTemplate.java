package me.tokenpay.spring.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

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
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
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

	private final byte[] cancelPayoutBodyPrefix;

	private @Nullable TokenPayClientObservationConvention observationConvention;

	private RetryTemplate retryTemplate = new RetryTemplate(RetryPolicy.withMaxRetries(0));

	private @Nullable TokenPayRateLimiter rateLimiter;

	private Set<Integer> notOpenCodes = Set.of(20005);

	private @Nullable Duration readTimeout;

	/**
	 * Create a template.
	 * @param restClientBuilder the builder of the HTTP client, copied before the base URL
	 * is set
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
		this.restClient = restClientBuilder.clone().baseUrl(settings.baseUrl().toString()).build();
		this.settings = settings;
		this.credentials = credentials;
		this.signer = signer;
		this.verifier = verifier;
		this.observationRegistry = observationRegistry;
		this.signedCancelPayoutPath = settings.signedPath(settings.cancelPayoutPath());
		byte[] withEmptyId = cancelPayoutBodyWithJackson("");
		this.cancelPayoutBodyPrefix = Arrays.copyOf(withEmptyId, withEmptyId.length - 2);
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention to use
	 */
	public void setObservationConvention(TokenPayClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set the retry policy for calls; by default calls are not retried. Whatever the
	 * policy, only failures whose {@link TokenPayException#isRetryable()} is {@code true}
	 * are retried, and every attempt is signed afresh.
	 * @param retryPolicy the retry policy
	 */
	public void setRetryPolicy(RetryPolicy retryPolicy) {
		Assert.notNull(retryPolicy, "Retry policy must not be null");
		this.retryTemplate = new RetryTemplate(new RetryableFailuresOnly(retryPolicy));
	}

	/**
	 * Set a client-side rate limiter that every attempt must pass; by default there is
	 * none.
	 * @param rateLimiter the rate limiter
	 */
	public void setRateLimiter(TokenPayRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
	}

	/**
	 * Set the gateway codes that mean a payout is no longer open. When a repeated Cancel
	 * Payout gets one of them after an attempt whose outcome is unknown, the call fails
	 * with {@link TokenPayOutcomeUnknownException}. By default {@code 20005}.
	 * @param notOpenCodes the codes
	 */
	public void setNotOpenCodes(Set<Integer> notOpenCodes) {
		this.notOpenCodes = Set.copyOf(notOpenCodes);
	}

	/**
	 * Set the read timeout configured on the HTTP client. A connection failure after the
	 * request was sent that happens once this much time has passed is reported as a
	 * {@link TokenPayTimeoutException}: some clients, such as the JDK's
	 * {@code HttpClient} behind {@code JdkClientHttpRequestFactory}, close the body
	 * stream when their timeout fires while the body is still arriving, which surfaces as
	 * a plain I/O failure. By default unknown, so only timeouts reported as such are
	 * recognised.
	 * @param readTimeout the read timeout of the HTTP client
	 */
	public void setReadTimeout(Duration readTimeout) {
		Assert.isTrue(readTimeout.compareTo(Duration.ZERO) > 0, "Read timeout must be positive");
		this.readTimeout = readTimeout;
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
			byte[] body = cancelPayoutBody(request);
			CancelPayoutAttempts attempts = new CancelPayoutAttempts(request.payoutId(), body, context);
			ResponseEnvelope envelope = withRetries(attempts);
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

	private ResponseEnvelope withRetries(Retryable<ResponseEnvelope> attempts) {
		try {
			return this.retryTemplate.execute(attempts);
		}
		catch (RetryException ex) {
			List<Throwable> failures = ex.getExceptions();
			Throwable last = failures.get(failures.size() - 1);
			failures.subList(0, failures.size() - 1).forEach(last::addSuppressed);
			if (last instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			throw new IllegalStateException("Unexpected checked exception from a TokenPay call", last);
		}
	}

	/**
	 * The body Jackson writes for the request, built from the prefix Jackson wrote once
	 * (up to the payout id's opening quote) when the id is printable ASCII that Jackson
	 * does not escape, as ids are; any other id goes through Jackson.
	 */
	private byte[] cancelPayoutBody(CancelPayoutRequest request) {
		String payoutId = request.payoutId();
		int length = payoutId.length();
		for (int i = 0; i < length; i++) {
			char c = payoutId.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') {
				return cancelPayoutBodyWithJackson(payoutId);
			}
		}
		byte[] prefix = this.cancelPayoutBodyPrefix;
		byte[] body = Arrays.copyOf(prefix, prefix.length + length + 2);
		for (int i = 0; i < length; i++) {
			body[prefix.length + i] = (byte) payoutId.charAt(i);
		}
		body[body.length - 2] = '"';
		body[body.length - 1] = '}';
		return body;
	}

	private byte[] cancelPayoutBodyWithJackson(String payoutId) {
		ObjectNode body = this.mapper.createObjectNode()
			.put("app_id", this.credentials.appId())
			.put("mch_id", this.credentials.mchId())
			.put(this.settings.payoutIdField(), payoutId);
		return this.mapper.writeValueAsBytes(body);
	}

	private ResponseEnvelope exchange(String path, String signedPath, byte[] body,
			TokenPayClientObservationContext context) {
		context.startAttempt();
		context.setCode(null);
		context.setRequestId(null);
		TokenPayRateLimiter limiter = this.rateLimiter;
		if (limiter != null) {
			limiter.acquire();
		}
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
		long start = System.nanoTime();
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
		catch (RestClientException ex) {
			boolean requestSent = !causedBy(ex, ConnectException.class, HttpConnectTimeoutException.class,
					UnknownHostException.class, NoRouteToHostException.class, SSLHandshakeException.class);
			if (causedBy(ex, SocketTimeoutException.class, HttpTimeoutException.class)
					|| (requestSent && readTimeoutElapsedSince(start))) {
				throw new TokenPayTimeoutException(requestSent
						? "TokenPay did not answer within tokenpay.read-timeout; whether it acted on the request is unknown"
						: "Could not connect to TokenPay within tokenpay.connect-timeout; nothing was sent", ex,
						requestSent);
			}
			throw new TokenPayTransportException(
					(requestSent ? "Connection to TokenPay failed after the request was sent; whether it acted on the "
							+ "request is unknown (" : "Could not connect to TokenPay; nothing was sent (")
							+ describe(ex) + ")",
					ex, requestSent);
		}
	}

	private boolean readTimeoutElapsedSince(long start) {
		Duration timeout = this.readTimeout;
		return timeout != null && System.nanoTime() - start >= timeout.toNanos();
	}

	@SafeVarargs
	private static boolean causedBy(Throwable ex, Class<? extends Throwable>... types) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(candidate)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex.getCause();
		while (cause != null && cause.getMessage() == null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause == null) {
			return ex.getClass().getSimpleName();
		}
		return (cause.getMessage() != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
				: cause.getClass().getSimpleName();
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
		if (ex instanceof TokenPayRateLimitException) {
			return TokenPayOutcome.RATE_LIMITED;
		}
		if (ex instanceof TokenPayOutcomeUnknownException) {
			return TokenPayOutcome.API_ERROR;
		}
		return TokenPayOutcome.INVALID_RESPONSE;
	}

	/**
	 * The attempts of one Cancel Payout call: each signs and sends the same body afresh,
	 * and remembers a failure whose outcome is unknown so that a later not-open rejection
	 * is reported as {@link TokenPayOutcomeUnknownException}.
	 */
	private final class CancelPayoutAttempts implements Retryable<ResponseEnvelope> {

		private final String payoutId;

		private final byte[] body;

		private final TokenPayClientObservationContext context;

		private @Nullable TokenPayException unknownOutcome;

		CancelPayoutAttempts(String payoutId, byte[] body, TokenPayClientObservationContext context) {
			this.payoutId = payoutId;
			this.body = body;
			this.context = context;
		}

		@Override
		public ResponseEnvelope execute() {
			try {
				return exchange(TokenPayTemplate.this.settings.cancelPayoutPath(),
						TokenPayTemplate.this.signedCancelPayoutPath, this.body, this.context);
			}
			catch (TokenPayApiException ex) {
				TokenPayException earlier = this.unknownOutcome;
				if (earlier != null && TokenPayTemplate.this.notOpenCodes.contains(ex.getCode())) {
					throw new TokenPayOutcomeUnknownException(this.payoutId, ex, earlier);
				}
				throw ex;
			}
			catch (TokenPayException ex) {
				if (ex.isOutcomeUnknown()) {
					this.unknownOutcome = ex;
				}
				throw ex;
			}
		}

		@Override
		public String getName() {
			return "tokenpay " + CANCEL_PAYOUT;
		}

	}

	/**
	 * Narrows a retry policy to failures that {@link TokenPayException#isRetryable() may
	 * be retried}.
	 */
	private record RetryableFailuresOnly(RetryPolicy policy) implements RetryPolicy {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return throwable instanceof TokenPayException ex && ex.isRetryable() && this.policy.shouldRetry(ex);
		}

		@Override
		public Duration getTimeout() {
			return this.policy.getTimeout();
		}

		@Override
		public BackOff getBackOff() {
			return this.policy.getBackOff();
		}

	}

}
