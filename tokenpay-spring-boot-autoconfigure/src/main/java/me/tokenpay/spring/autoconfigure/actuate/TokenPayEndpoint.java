package me.tokenpay.spring.autoconfigure.actuate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import me.tokenpay.spring.autoconfigure.TokenPayVerifications;
import me.tokenpay.spring.client.merchant.TokenPayMerchant;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.ratelimit.RedisTokenPayRateLimiter;
import me.tokenpay.spring.client.ratelimit.TokenPayRateLimiter;
import me.tokenpay.spring.client.verification.TokenPayVerification;
import me.tokenpay.spring.journal.JournalBacklog;
import me.tokenpay.spring.journal.JournalEntry;
import me.tokenpay.spring.journal.JournalKind;
import me.tokenpay.spring.journal.JournalState;
import me.tokenpay.spring.journal.PayoutJournal;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code tokenpay} actuator endpoint: the merchants and their last verification, the
 * rate limit and its permits, the notification deliveries since start, and the payout
 * journal's backlog and stuck payouts when the journal is on. Never the secret.
 *
 * @author TokenPay Spring Boot team
 */
@Endpoint(id = "tokenpay")
public class TokenPayEndpoint {

	/**
	 * The most stuck payouts listed.
	 */
	static final int STUCK_LIMIT = 50;

	private final TokenPayMerchants merchants;

	private final TokenPayVerifications verifications;

	private final TokenPayActivity activity;

	private final @Nullable TokenPayRateLimiter rateLimiter;

	private final RateLimitDescriptor.Settings rateLimitSettings;

	private final NotificationsDescriptor.Settings notificationSettings;

	private final @Nullable PayoutJournal journal;

	private final Duration stuckAfter;

	/**
	 * Create the endpoint.
	 * @param merchants the merchants
	 * @param verifications their verifications
	 * @param activity the activity since start
	 * @param rateLimiter the rate limiter, {@code null} when the rate limit is off
	 * @param rateLimitSettings how the rate limit is configured
	 * @param notificationSettings how notifications are received
	 * @param journal the payout journal, {@code null} when it is off
	 * @param stuckAfter how long a journaled payout may stay unchanged before it is
	 * listed as stuck
	 */
	public TokenPayEndpoint(TokenPayMerchants merchants, TokenPayVerifications verifications, TokenPayActivity activity,
			@Nullable TokenPayRateLimiter rateLimiter, RateLimitDescriptor.Settings rateLimitSettings,
			NotificationsDescriptor.Settings notificationSettings, @Nullable PayoutJournal journal,
			Duration stuckAfter) {
		this.merchants = merchants;
		this.verifications = verifications;
		this.activity = activity;
		this.rateLimiter = rateLimiter;
		this.rateLimitSettings = rateLimitSettings;
		this.notificationSettings = notificationSettings;
		this.journal = journal;
		this.stuckAfter = stuckAfter;
	}

	/**
	 * Describe the TokenPay client.
	 * @return the description
	 */
	@ReadOperation
	public TokenPayDescriptor tokenpay() {
		List<MerchantDescriptor> merchants = this.merchants.names().stream().sorted().map(this::merchant).toList();
		TokenPayRateLimiter limiter = this.rateLimiter;
		Boolean storeFailing = (limiter instanceof RedisTokenPayRateLimiter redis) ? redis.isStoreFailing() : null;
		PayoutJournal journal = this.journal;
		return new TokenPayDescriptor(merchants,
				new RateLimitDescriptor(this.rateLimitSettings, this.activity.permits(), storeFailing),
				new NotificationsDescriptor(this.notificationSettings, this.activity.notifications()),
				(journal != null)
						? new JournalDescriptor(journal.backlog(), this.stuckAfter,
								journal.stuck(this.stuckAfter, STUCK_LIMIT).stream().map(StuckPayout::of).toList())
						: null);
	}

	private MerchantDescriptor merchant(String name) {
		TokenPayMerchant merchant = this.merchants.merchant(name);
		URI baseUrl = (merchant != null) ? merchant.baseUrl() : null;
		return new MerchantDescriptor(name, name.equals(this.merchants.defaultName()),
				(baseUrl != null) ? baseUrl.toString() : null,
				(merchant != null) ? merchant.credentials().appId() : null,
				(merchant != null) ? merchant.credentials().mchId() : null, this.verifications.last(name));
	}

	/**
	 * The TokenPay client.
	 *
	 * @param merchants the merchants, by name
	 * @param rateLimit the rate limit
	 * @param notifications the notifications
	 * @param journal the payout journal, {@code null} when it is off
	 */
	public record TokenPayDescriptor(List<MerchantDescriptor> merchants, RateLimitDescriptor rateLimit,
			NotificationsDescriptor notifications, @Nullable JournalDescriptor journal) {

	}

	/**
	 * The payout journal.
	 *
	 * @param backlog the orders that are not final or failed, by merchant, kind and state
	 * @param stuckAfter how long without a change makes a payout stuck
	 * @param stuck the stuck payouts, oldest first (at most {@value #STUCK_LIMIT})
	 */
	public record JournalDescriptor(List<JournalBacklog> backlog, Duration stuckAfter, List<StuckPayout> stuck) {

	}

	/**
	 * A journaled payout or tracked pay-in order that has not changed for a while.
	 *
	 * @param kind whether it is a payout or a pay-in order
	 * @param outTradeNo its order number
	 * @param merchant its merchant
	 * @param state where it is
	 * @param attempts how many times it was sent or asked about
	 * @param updatedAt when it last changed
	 * @param failureMessage what went wrong last, if anything
	 */
	public record StuckPayout(JournalKind kind, String outTradeNo, String merchant, JournalState state, int attempts,
			Instant updatedAt, @Nullable String failureMessage) {

		static StuckPayout of(JournalEntry entry) {
			return new StuckPayout(entry.kind(), entry.outTradeNo(), entry.merchant(), entry.state(), entry.attempts(),
					entry.updatedAt(), entry.failureMessage());
		}

	}

	/**
	 * A merchant.
	 *
	 * @param name its name
	 * @param isDefault whether the single {@code TokenPayOperations} bean calls for it
	 * @param baseUrl its own base URL, {@code null} when it uses
	 * {@code tokenpay.base-url}
	 * @param appId its app id
	 * @param mchId its merchant id
	 * @param verification its last verification, {@code null} before the first
	 */
	public record MerchantDescriptor(String name, boolean isDefault, @Nullable String baseUrl, @Nullable String appId,
			@Nullable String mchId, @Nullable TokenPayVerification verification) {

	}

	/**
	 * The rate limit.
	 *
	 * @param settings how it is configured
	 * @param permits its permits since start
	 * @param storeFailing for the Redis store, whether Redis failed within the last
	 * second, so that calls are limited per instance or refused; {@code null} for other
	 * stores
	 */
	public record RateLimitDescriptor(Settings settings, TokenPayActivity.Permits permits,
			@Nullable Boolean storeFailing) {

		/**
		 * How the rate limit is configured.
		 *
		 * @param enabled whether calls are limited
		 * @param store where permits are kept: {@code local} or {@code redis}
		 * @param permits the requests allowed per window
		 * @param window the window
		 * @param maxWait the longest wait for a permit
		 * @param onStoreFailure what the Redis store does when Redis fails
		 */
		public record Settings(boolean enabled, String store, int permits, Duration window, Duration maxWait,
				String onStoreFailure) {

		}

	}

	/**
	 * The notifications.
	 *
	 * @param settings how they are received
	 * @param deliveries the deliveries since start, by outcome
	 */
	public record NotificationsDescriptor(Settings settings, Map<String, Long> deliveries) {

		/**
		 * How notifications are received.
		 *
		 * @param enabled whether the endpoint is registered
		 * @param path its path
		 * @param dedupeStore where handled notifications are remembered
		 */
		public record Settings(boolean enabled, String path, String dedupeStore) {

		}

	}

}
