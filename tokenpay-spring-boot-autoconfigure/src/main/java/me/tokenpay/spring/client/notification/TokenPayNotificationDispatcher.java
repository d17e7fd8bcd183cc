package me.tokenpay.spring.client.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import me.tokenpay.spring.client.notification.TokenPayNotificationDeduplicator.Claim;
import me.tokenpay.spring.client.observation.DefaultTokenPayNotificationObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationContext;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationConvention;
import me.tokenpay.spring.client.observation.TokenPayNotificationObservationDocumentation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Receives notification deliveries: parses each with the
 * {@link TokenPayNotificationParser}, claims it with the
 * {@link TokenPayNotificationDeduplicator}, publishes a {@link TokenPayNotificationEvent}
 * and calls every {@link TokenPayNotificationHandler}, all synchronously, and says what
 * to answer. Only a notification whose listeners and handlers all returned, or that was
 * handled before, is answered {@code 200 success}; a failing handler releases the claim
 * and is answered {@code 500 fail}, so that TokenPay resends it and the resend runs the
 * handlers again; a delivery that cannot be trusted is answered {@code 400 fail}. Each
 * delivery is one {@code tokenpay.notifications} observation. Framework-free: a web layer
 * passes in headers and body bytes and writes out the {@link NotificationReply}.
 *
 * @author TokenPay Spring Boot team
 */
public final class TokenPayNotificationDispatcher {

	private static final Log logger = LogFactory.getLog(TokenPayNotificationDispatcher.class);

	private static final TokenPayNotificationObservationConvention DEFAULT_CONVENTION = new DefaultTokenPayNotificationObservationConvention();

	private final TokenPayNotificationParser parser;

	private final TokenPayNotificationDeduplicator deduplicator;

	private final List<TokenPayNotificationHandler> handlers;

	private final @Nullable ApplicationEventPublisher eventPublisher;

	private final ObservationRegistry observationRegistry;

	private final Duration lease;

	private final Duration retention;

	private @Nullable TokenPayNotificationObservationConvention observationConvention;

	/**
	 * Create a dispatcher.
	 * @param parser the parser that verifies and decrypts deliveries
	 * @param deduplicator the deduplicator that lets each notification be handled once
	 * @param handlers the handlers to call, in order
	 * @param eventPublisher the publisher of {@link TokenPayNotificationEvent}s,
	 * {@code null} to publish none
	 * @param observationRegistry the registry for observations
	 * @param lease how long a claim holds if its delivery never ends
	 * @param retention how long a handled notification is remembered
	 */
	public TokenPayNotificationDispatcher(TokenPayNotificationParser parser,
			TokenPayNotificationDeduplicator deduplicator, List<TokenPayNotificationHandler> handlers,
			@Nullable ApplicationEventPublisher eventPublisher, ObservationRegistry observationRegistry, Duration lease,
			Duration retention) {
		Assert.isTrue(lease.compareTo(Duration.ZERO) > 0, "Lease must be positive");
		Assert.isTrue(retention.compareTo(Duration.ZERO) > 0, "Retention must be positive");
		this.parser = parser;
		this.deduplicator = deduplicator;
		this.handlers = List.copyOf(handlers);
		this.eventPublisher = eventPublisher;
		this.observationRegistry = observationRegistry;
		this.lease = lease;
		this.retention = retention;
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention to use
	 */
	public void setObservationConvention(TokenPayNotificationObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Receive one delivery.
	 * @param headers the request headers by name, in any case
	 * @param body the body bytes as received
	 * @return what to answer
	 */
	public NotificationReply receive(Function<String, @Nullable String> headers, byte[] body) {
		TokenPayNotificationObservationContext context = new TokenPayNotificationObservationContext();
		Observation observation = TokenPayNotificationObservationDocumentation.NOTIFICATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			NotificationReply reply = NotificationReply.of(handle(headers, body, context, observation));
			context.setOutcome(reply.outcome().value());
			return reply;
		}
		finally {
			observation.stop();
		}
	}

	private NotificationOutcome handle(Function<String, @Nullable String> headers, byte[] body,
			TokenPayNotificationObservationContext context, Observation observation) {
		TokenPayNotification notification;
		try {
			notification = this.parser.parse(headers, body);
		}
		catch (TokenPayNotificationException ex) {
			logger.warn("Refused a TokenPay notification (" + ex.getOutcome().value() + "): " + ex.getMessage());
			observation.error(ex);
			return ex.getOutcome();
		}
		context.setAppId(notification.appId());
		context.setEventType(notification.eventType().value());
		String key = notification.deduplicationKey();
		String owner = UUID.randomUUID().toString();
		Claim claim;
		try {
			claim = this.deduplicator.claim(key, owner, this.lease);
		}
		catch (RuntimeException ex) {
			logger.error("Could not claim " + notification + " for handling; TokenPay will send it again", ex);
			observation.error(ex);
			return NotificationOutcome.STORE_ERROR;
		}
		if (claim == Claim.DONE) {
			logger.debug("Acknowledged " + notification + " again: it was handled before");
			return NotificationOutcome.DUPLICATE;
		}
		if (claim == Claim.IN_PROGRESS) {
			logger.info("Deferred " + notification + ": another delivery of it is being handled");
			return NotificationOutcome.IN_PROGRESS;
		}
		try {
			dispatch(notification);
		}
		catch (Exception ex) {
			logger.error("Handling " + notification + " failed; TokenPay will send it again", ex);
			observation.error(ex);
			release(key, owner);
			return NotificationOutcome.HANDLER_ERROR;
		}
		try {
			this.deduplicator.complete(key, owner, this.retention);
		}
		catch (RuntimeException ex) {
			logger.warn("Handled " + notification + " but could not remember it; a resend will be handled again", ex);
		}
		return NotificationOutcome.SUCCESS;
	}

	private void dispatch(TokenPayNotification notification) throws Exception {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher != null) {
			publisher.publishEvent(TokenPayNotificationEvent.of(notification));
		}
		for (TokenPayNotificationHandler handler : this.handlers) {
			handler.handle(notification);
		}
	}

	private void release(String key, String owner) {
		try {
			this.deduplicator.release(key, owner);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the claim on " + key + "; a resend waits until its lease ends", ex);
		}
	}

}
