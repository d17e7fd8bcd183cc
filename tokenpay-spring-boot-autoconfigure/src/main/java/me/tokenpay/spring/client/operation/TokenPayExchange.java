package me.tokenpay.spring.client.operation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.TokenPayClientSettings;
import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.audit.TokenPayAudit;
import me.tokenpay.spring.client.audit.TokenPayAuditRecord;
import me.tokenpay.spring.client.error.GatewayText;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayEndpointNotFoundException;
import me.tokenpay.spring.client.error.TokenPayErrorCategory;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayResponseHeadersTooLargeException;
import me.tokenpay.spring.client.error.TokenPaySignatureException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.observation.DefaultTokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayClientObservationContext;
import me.tokenpay.spring.client.observation.TokenPayClientObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayObservationDocumentation;
import me.tokenpay.spring.client.observation.TokenPayOutcome;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.signature.AuthorizationSigner;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.web.client.RestClient;

/**
 * Runs every TokenPay operation through one pipeline: serialise the parameters once with
 * Jackson, then per attempt take a rate-limit permit, sign exactly those bytes, send
 * them, read the answer within its size limit, verify its signature, read its envelope
 * and either decode the result or throw a typed
 * {@link me.tokenpay.spring.client.error.TokenPayException}. Attempts are retried as the
 * operation's {@link Idempotency} allows, each signed afresh, and the whole call is one
 * {@code tokenpay.client.requests} observation. Immutable and thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayExchange {

	private static final Log logger = LogFactory.getLog(TokenPayExchange.class);

	private static final TokenPayClientObservationConvention DEFAULT_CONVENTION = new DefaultTokenPayClientObservationConvention();

	private final JsonMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader();

	private final RestClient restClient;

	private final TokenPayClientSettings settings;

	private final TokenPayCredentials credentials;

	private final AuthorizationSigner signer;

	private final ResponseVerifier verifier;

	private final ObservationRegistry observationRegistry;

	private final String origin;

	private final @Nullable TokenPayClientObservationConvention observationConvention;

	private final RetryPolicy retryPolicy;

	private final RetryTemplate[] retryTemplates;

	private final @Nullable TokenPayRateLimiter rateLimiter;

	private final @Nullable Duration readTimeout;

	private final String merchant;

	private final @Nullable TokenPayAudit audit;

	/**
	 * Create an exchange.
	 * @param restClient the HTTP client
	 * @param settings the API settings
	 * @param credentials the merchant credentials
	 * @param signer the request signer
	 * @param verifier the response signature verifier
	 * @param options how calls are observed, retried, rate-limited and timed
	 */
	public TokenPayExchange(RestClient restClient, TokenPayClientSettings settings, TokenPayCredentials credentials,
			AuthorizationSigner signer, ResponseVerifier verifier, Options options) {
		Assert.notNull(restClient, "RestClient must not be null");
		Assert.notNull(settings, "Settings must not be null");
		Assert.notNull(credentials, "Credentials must not be null");
		Assert.notNull(signer, "Signer must not be null");
		Assert.notNull(verifier, "Verifier must not be null");
		Assert.notNull(options, "Options must not be null");
		this.restClient = restClient;
		this.settings = settings;
		this.credentials = credentials;
		this.signer = signer;
		this.verifier = verifier;
		this.observationRegistry = options.observationRegistry();
		this.observationConvention = options.observationConvention();
		this.retryPolicy = options.retryPolicy();
		this.retryTemplates = retryTemplates(options.retryPolicy());
		this.rateLimiter = options.rateLimiter();
		this.readTimeout = options.readTimeout();
		this.merchant = options.merchant();
		this.audit = options.audit();
		URI baseUrl = settings.baseUrl();
		this.origin = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
	}

	/**
	 * Run one call of an operation.
	 * @param <T> the result type
	 * @param declared the operation as declared; the settings' override of its name, if
	 * any, applies
	 * @param request the call's parameters, already checked
	 * @return the decoded result
	 * @throws TokenPayException if the call failed
	 */
	public <T> T call(OperationDescriptor<T> declared, OperationRequest request) {
		OperationDescriptor<T> operation = this.settings.operation(declared);
		TokenPayClientObservationContext context = new TokenPayClientObservationContext(operation.name(),
				this.credentials.appId(), request.resourceId());
		context.setMerchant(this.merchant);
		Observation observation = TokenPayObservationDocumentation.CLIENT_REQUEST
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Attempts<T> attempts = new Attempts<>(operation, request, prepare(operation, request), context);
			T result = attempts.run(this.retryTemplates[operation.idempotency().ordinal()]);
			context.setOutcome(TokenPayOutcome.SUCCESS);
			return result;
		}
		catch (RuntimeException ex) {
			if (ex instanceof TokenPayException tokenPayException) {
				context.setOutcome(TokenPayOutcome.of(tokenPayException));
			}
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private PreparedRequest prepare(OperationDescriptor<?> operation, OperationRequest request) {
		String signedPath = this.settings.signedPath(operation.path());
		Map<String, Object> body = new LinkedHashMap<>();
		if (operation.signed()) {
			body.put("app_id", this.credentials.appId());
			body.put("mch_id", this.credentials.mchId());
		}
		if (operation.parameterLocation() == ParameterLocation.QUERY) {
			signedPath = signedPath + query(request.parameters());
		}
		else {
			body.putAll(request.parameters());
		}
		byte[] bytes = operation.hasBody() ? this.mapper.writeValueAsBytes(body) : new byte[0];
		return new PreparedRequest(signedPath, URI.create(this.origin + signedPath), bytes);
	}

	private static String query(Map<String, Object> parameters) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, value) -> query.append((query.length() == 0) ? '?' : '&')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)));
		return query.toString();
	}

	private <T> T attempt(OperationDescriptor<T> operation, OperationRequest call, PreparedRequest request,
			TokenPayClientObservationContext context, long callStart) {
		TokenPayAudit audit = this.audit;
		if (audit == null) {
			return attempt(operation, call, request, context, callStart, null);
		}
		AuditedAttempt audited = new AuditedAttempt(audit.clock().instant());
		String outcome = TokenPayOutcome.SUCCESS.getValue();
		try {
			return attempt(operation, call, request, context, callStart, audited);
		}
		catch (TokenPayException ex) {
			outcome = TokenPayOutcome.of(ex).getValue();
			throw ex;
		}
		finally {
			record(audit, operation, call, request, context, audited, outcome);
		}
	}

	private void record(TokenPayAudit audit, OperationDescriptor<?> operation, OperationRequest call,
			PreparedRequest request, TokenPayClientObservationContext context, AuditedAttempt audited, String outcome) {
		RawResponse response = audited.response;
		boolean bodies = audit.includeBodies();
		TokenPayAuditRecord record = new TokenPayAuditRecord(operation.name(), this.merchant, this.credentials.appId(),
				call.resourceId(), context.getAttempts(), outcome, (response != null) ? response.status() : null,
				context.getCode(), context.getRequestId(), Duration.between(audited.start, audit.clock().instant()),
				bodies ? new String(request.body(), StandardCharsets.UTF_8) : null,
				(bodies && response != null) ? new String(response.body(), StandardCharsets.UTF_8) : null);
		try {
			audit.sink().record(record);
		}
		catch (RuntimeException ex) {
			logger.warn("TokenPay audit sink failed on an attempt of " + operation.name(), ex);
		}
	}

	private <T> T attempt(OperationDescriptor<T> operation, OperationRequest call, PreparedRequest request,
			TokenPayClientObservationContext context, long callStart, @Nullable AuditedAttempt audited) {
		context.startAttempt();
		context.setCode(null);
		context.setRequestId(null);
		TokenPayRateLimiter limiter = this.rateLimiter;
		TokenPayRateLimiter.Permit permit = (limiter != null)
				? limiter.acquire(this.credentials.appId(),
						(context.getAttempts() > 1) ? retryPermitWait(limiter, callStart) : limiter.getMaxWait())
				: null;
		RawResponse response;
		try {
			response = send(operation, request, permit);
		}
		finally {
			if (permit != null) {
				permit.release();
			}
		}
		if (audited != null) {
			audited.response = response;
		}
		ResponseEnvelope envelope = read(operation, request, response);
		context.setRequestId(GatewayText.requestId(envelope.requestId()));
		verify(response, envelope);
		context.setCode(envelope.code());
		if (envelope.code() != 0) {
			throw rejection(envelope, response.status());
		}
		if (!response.isSuccessful()) {
			throw new TokenPayUnexpectedResponseException("code 0 on an HTTP error status", response.status(),
					envelope.requestId());
		}
		return bound(operation, call, decode(operation, envelope), envelope);
	}

	/**
	 * Read the envelope; an HTTP 404 without one means there is no such endpoint.
	 */
	private ResponseEnvelope read(OperationDescriptor<?> operation, PreparedRequest request, RawResponse response) {
		try {
			return this.reader.read(response.status(), response.contentType(), response.body());
		}
		catch (TokenPayInvalidResponseException ex) {
			if (response.status() == 404) {
				TokenPayEndpointNotFoundException notFound = new TokenPayEndpointNotFoundException(operation.name(),
						request.uri().getPath(), propertyPrefix() + ".base-url");
				notFound.addSuppressed(ex);
				throw notFound;
			}
			throw ex;
		}
	}

	/**
	 * Verify the answer's signature. An answer that fails verification and rejects the
	 * request's own signature or credentials is explained by one wrong secret (the
	 * gateway signs with the right one): the gateway applied nothing, so the call fails
	 * as that rejection, naming the property.
	 */
	private void verify(RawResponse response, ResponseEnvelope envelope) {
		try {
			this.verifier.verify(response.headers(), response.body(), envelope.tree(), envelope.requestId());
		}
		catch (TokenPaySignatureException ex) {
			if (TokenPayErrorCategory.of(envelope.code()) != TokenPayErrorCategory.AUTHENTICATION) {
				throw ex;
			}
			TokenPayApiException rejection = TokenPayApiException.withHint(envelope.code(), envelope.msg(),
					envelope.requestId(), response.status(),
					"its answer did not verify with this secret either, so " + propertyPrefix()
							+ ".app-secret is probably wrong: copy it again from the merchant backstage");
			rejection.addSuppressed(ex);
			throw rejection;
		}
	}

	private TokenPayApiException rejection(ResponseEnvelope envelope, int status) {
		String prefix = propertyPrefix();
		return switch (envelope.code()) {
			case 103 -> TokenPayApiException.withHint(103, envelope.msg(), envelope.requestId(), status,
					"check " + prefix + ".app-secret, " + prefix + ".app-id and " + prefix + ".mch-id");
			case 104 -> TokenPayApiException.withHint(104, envelope.msg(), envelope.requestId(), status,
					"check this machine's clock and tokenpay.signature.timestamp-unit");
			case 20000, 20001 -> TokenPayApiException.withHint(envelope.code(), envelope.msg(), envelope.requestId(),
					status, "check " + prefix + ".app-id");
			default -> new TokenPayApiException(envelope.code(), envelope.msg(), envelope.requestId(), status);
		};
	}

	/**
	 * The prefix of this merchant's properties.
	 */
	private String propertyPrefix() {
		return "default".equals(this.merchant) ? "tokenpay" : "tokenpay.merchants." + this.merchant;
	}

	/**
	 * Decode an accepted answer; whatever the decoder throws that is not already a
	 * {@link TokenPayException} (a field out of range, a Jackson or arithmetic exception)
	 * means the answer is unusable.
	 */
	private static <T> T decode(OperationDescriptor<T> operation, ResponseEnvelope envelope) {
		try {
			return operation.decoder().decode(envelope);
		}
		catch (TokenPayException ex) {
			throw ex;
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new TokenPayUnexpectedResponseException(
					"'data' could not be read as the result of " + operation.name() + ": "
							+ ((ex.getMessage() != null)
									? GatewayText.safe(ex.getMessage(), GatewayText.MAX_DETAIL_LENGTH)
									: ex.getClass().getSimpleName()),
					envelope.httpStatus(), envelope.requestId());
		}
	}

	/**
	 * Accept a result only if it is about what the call asked, by {@link AnswerBinding}.
	 */
	private static <T> T bound(OperationDescriptor<T> operation, OperationRequest call, T result,
			ResponseEnvelope envelope) {
		if (call.expectations().isEmpty()) {
			return result;
		}
		if (!(result instanceof AnswerSubject subject)) {
			throw new IllegalStateException(operation.name() + " expects fields of its answer but its result "
					+ result.getClass().getName() + " is no AnswerSubject");
		}
		List<String> mismatches = AnswerBinding.mismatches(call.expectations(), subject);
		if (!mismatches.isEmpty()) {
			throw new TokenPayMismatchedResponseException(operation.name(), call.resourceId(), mismatches,
					envelope.httpStatus(), envelope.requestId());
		}
		return result;
	}

	private Duration retryPermitWait(TokenPayRateLimiter limiter, long callStart) {
		Duration timeout = this.retryPolicy.getTimeout();
		Duration left = timeout.minusNanos(System.nanoTime() - callStart);
		return (left.compareTo(limiter.getMaxWait()) > 0) ? left : limiter.getMaxWait();
	}

	/**
	 * Send a request and read its answer, releasing its rate-limit permit as soon as the
	 * answer has begun: the request has reached the gateway by then.
	 */
	private RawResponse send(OperationDescriptor<?> operation, PreparedRequest request,
			TokenPayRateLimiter.@Nullable Permit permit) {
		long start = System.nanoTime();
		Duration timeout = this.readTimeout;
		Long deadline = (timeout != null) ? start + timeout.toNanos() : null;
		try {
			RestClient.RequestBodySpec spec = this.restClient.method(operation.method())
				.uri(request.uri())
				.header(HttpHeaders.USER_AGENT, this.settings.userAgent())
				.accept(MediaType.APPLICATION_JSON);
			if (operation.idempotency() == Idempotency.NOT_IDEMPOTENT) {
				// a create neither reads nor leaves bytes on a connection another call
				// uses
				spec.header(HttpHeaders.CONNECTION, "close");
			}
			if (operation.signed()) {
				spec.header(HttpHeaders.AUTHORIZATION,
						this.signer.sign(operation.method(), request.signedPath(), request.body()));
			}
			if (operation.hasBody()) {
				byte[] body = request.body();
				spec.contentType(MediaType.APPLICATION_JSON)
					.contentLength(body.length)
					.body((output) -> output.write(body));
			}
			return spec.exchange((clientRequest, clientResponse) -> {
				if (permit != null) {
					permit.release();
				}
				return RawResponse.read(clientResponse, this.settings.maxResponseSize(), deadline);
			});
		}
		catch (TokenPayException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (TransportFailures.headersTooLarge(ex)) {
				throw new TokenPayResponseHeadersTooLargeException(0, ex);
			}
			throw TransportFailures.translate(ex, deadline != null && System.nanoTime() - deadline >= 0);
		}
	}

	private static RetryTemplate[] retryTemplates(RetryPolicy policy) {
		Idempotency[] classes = Idempotency.values();
		RetryTemplate[] templates = new RetryTemplate[classes.length];
		for (Idempotency idempotency : classes) {
			templates[idempotency.ordinal()] = new RetryTemplate(new IdempotencyRetryPolicy(policy, idempotency));
		}
		return templates;
	}

	/**
	 * A request ready to be signed and sent: the same bytes on every attempt.
	 */
	private record PreparedRequest(String signedPath, URI uri, byte[] body) {

	}

	/**
	 * What an audited attempt saw: when it started and the answer, once one arrived.
	 */
	private static final class AuditedAttempt {

		private final Instant start;

		private @Nullable RawResponse response;

		AuditedAttempt(Instant start) {
			this.start = start;
		}

	}

	/**
	 * How an exchange observes, retries, rate-limits and times its calls.
	 *
	 * @param observationRegistry the registry for observations
	 * @param observationConvention the observation convention, {@code null} for the
	 * default one
	 * @param retryPolicy the retry policy; whatever it allows, a failure is retried only
	 * when the operation's {@link Idempotency} allows it
	 * @param rateLimiter the client-side rate limiter every attempt must pass,
	 * {@code null} for none. Each attempt holds its permit until its answer has begun or
	 * it failed, so that the limiter's bound holds at the gateway (see
	 * {@link TokenPayRateLimiter}). A first attempt waits for a permit up to the
	 * limiter's maximum wait; a retry as long as the retry policy's timeout leaves, so
	 * that a busy limiter does not end a call whose earlier attempt may have reached the
	 * gateway.
	 * @param readTimeout the read timeout configured on the HTTP client, {@code null} if
	 * unknown. The whole answer must arrive within it, however slowly its bytes trickle
	 * in, and a connection closed once it has passed is reported as a timeout (some
	 * clients report their timeout while the body arrives as a closed stream).
	 * @param merchant the name of the merchant the exchange calls for: the
	 * {@code merchant} key of its observations and the one its hints name properties of
	 * @param audit where a record of every attempt goes, {@code null} for nowhere
	 */
	public record Options(ObservationRegistry observationRegistry,
			@Nullable TokenPayClientObservationConvention observationConvention, RetryPolicy retryPolicy,
			@Nullable TokenPayRateLimiter rateLimiter, @Nullable Duration readTimeout, String merchant,
			@Nullable TokenPayAudit audit) {

		/**
		 * Check the options.
		 * @param observationRegistry the registry for observations
		 * @param observationConvention the observation convention
		 * @param retryPolicy the retry policy
		 * @param rateLimiter the rate limiter
		 * @param readTimeout the read timeout
		 * @param merchant the merchant name
		 * @param audit where attempts are recorded
		 */
		public Options {
			Assert.notNull(observationRegistry, "Observation registry must not be null");
			Assert.notNull(retryPolicy, "Retry policy must not be null");
			Assert.isTrue(readTimeout == null || readTimeout.compareTo(Duration.ZERO) > 0,
					"Read timeout must be positive");
			Assert.hasText(merchant, "Merchant must not be blank");
		}

		/**
		 * Return the defaults: no observations, no retries, no rate limiter, an unknown
		 * read timeout, the merchant {@code default}, no audit.
		 * @return the options
		 */
		public static Options defaults() {
			return new Options(ObservationRegistry.NOOP, null, RetryPolicy.withMaxRetries(0), null, null, "default",
					null);
		}

		/**
		 * Return a copy with another registry for observations.
		 * @param observationRegistry the registry
		 * @return the copy
		 */
		public Options withObservationRegistry(ObservationRegistry observationRegistry) {
			return new Options(observationRegistry, this.observationConvention, this.retryPolicy, this.rateLimiter,
					this.readTimeout, this.merchant, this.audit);
		}

		/**
		 * Return a copy with another observation convention.
		 * @param observationConvention the convention, {@code null} for the default one
		 * @return the copy
		 */
		public Options withObservationConvention(@Nullable TokenPayClientObservationConvention observationConvention) {
			return new Options(this.observationRegistry, observationConvention, this.retryPolicy, this.rateLimiter,
					this.readTimeout, this.merchant, this.audit);
		}

		/**
		 * Return a copy with another retry policy.
		 * @param retryPolicy the retry policy
		 * @return the copy
		 */
		public Options withRetryPolicy(RetryPolicy retryPolicy) {
			return new Options(this.observationRegistry, this.observationConvention, retryPolicy, this.rateLimiter,
					this.readTimeout, this.merchant, this.audit);
		}

		/**
		 * Return a copy with another rate limiter.
		 * @param rateLimiter the rate limiter, {@code null} for none
		 * @return the copy
		 */
		public Options withRateLimiter(@Nullable TokenPayRateLimiter rateLimiter) {
			return new Options(this.observationRegistry, this.observationConvention, this.retryPolicy, rateLimiter,
					this.readTimeout, this.merchant, this.audit);
		}

		/**
		 * Return a copy with another read timeout.
		 * @param readTimeout the read timeout, {@code null} if unknown
		 * @return the copy
		 */
		public Options withReadTimeout(@Nullable Duration readTimeout) {
			return new Options(this.observationRegistry, this.observationConvention, this.retryPolicy, this.rateLimiter,
					readTimeout, this.merchant, this.audit);
		}

		/**
		 * Return a copy for another merchant.
		 * @param merchant the merchant name
		 * @return the copy
		 */
		public Options withMerchant(String merchant) {
			return new Options(this.observationRegistry, this.observationConvention, this.retryPolicy, this.rateLimiter,
					this.readTimeout, merchant, this.audit);
		}

		/**
		 * Return a copy with another audit.
		 * @param audit where attempts are recorded, {@code null} for nowhere
		 * @return the copy
		 */
		public Options withAudit(@Nullable TokenPayAudit audit) {
			return new Options(this.observationRegistry, this.observationConvention, this.retryPolicy, this.rateLimiter,
					this.readTimeout, this.merchant, audit);
		}

	}

	/**
	 * The attempts of one call. Remembers the first failure whose outcome is unknown, so
	 * that the call's final failure says so whatever stopped the later attempts.
	 */
	private final class Attempts<T> implements Retryable<T> {

		private final OperationDescriptor<T> operation;

		private final OperationRequest request;

		private final PreparedRequest prepared;

		private final TokenPayClientObservationContext context;

		private final long start = System.nanoTime();

		private @Nullable TokenPayException unknownOutcome;

		Attempts(OperationDescriptor<T> operation, OperationRequest request, PreparedRequest prepared,
				TokenPayClientObservationContext context) {
			this.operation = operation;
			this.request = request;
			this.prepared = prepared;
			this.context = context;
		}

		T run(RetryTemplate retryTemplate) {
			try {
				return retryTemplate.execute(this);
			}
			catch (RetryException ex) {
				List<Throwable> failures = ex.getExceptions();
				Throwable last = failures.get(failures.size() - 1);
				failures.subList(0, failures.size() - 1).forEach(last::addSuppressed);
				if (last instanceof TokenPayException tokenPayException) {
					throw finalFailure(tokenPayException);
				}
				if (last instanceof RuntimeException runtimeException) {
					throw runtimeException;
				}
				throw new IllegalStateException("Unexpected checked exception from a TokenPay call", last);
			}
		}

		@Override
		public T execute() {
			try {
				return attempt(this.operation, this.request, this.prepared, this.context, this.start);
			}
			catch (TokenPayException ex) {
				if (this.unknownOutcome == null && ex.isOutcomeUnknown()) {
					this.unknownOutcome = ex;
				}
				throw ex;
			}
		}

		/**
		 * Once an attempt may have reached the gateway, the call's outcome stays unknown
		 * unless the last answer settles it: a definite refusal that is not one of the
		 * operation's already-applied codes.
		 */
		private TokenPayException finalFailure(TokenPayException last) {
			TokenPayException earlier = this.unknownOutcome;
			if (earlier == null || last.isOutcomeUnknown()) {
				return last;
			}
			if (last instanceof TokenPayApiException api && !api.isRetryable()
					&& !this.operation.alreadyAppliedCodes().contains(api.getCode())) {
				return last;
			}
			String id = this.request.resourceId();
			return new TokenPayOutcomeUnknownException("An earlier attempt of " + this.operation.name()
					+ ((id != null) ? " for " + id : "") + " may have been applied: it failed with an unknown outcome ("
					+ earlier.getClass().getSimpleName() + ") and the last attempt failed with "
					+ last.getClass().getSimpleName()
					+ ((last instanceof TokenPayApiException api) ? " code " + api.getCode() : "")
					+ ". Query it before acting", this.operation.name(), id, last, earlier);
		}

		@Override
		public String getName() {
			return "tokenpay " + this.operation.name();
		}

	}

	/**
	 * Narrows a retry policy to the failures an operation's {@link Idempotency} allows to
	 * retry.
	 */
	private record IdempotencyRetryPolicy(RetryPolicy policy, Idempotency idempotency) implements RetryPolicy {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return throwable instanceof TokenPayException ex && this.idempotency.allowsRetryAfter(ex)
					&& this.policy.shouldRetry(ex);
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
