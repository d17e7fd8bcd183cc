package me.tokenpay.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.StoreFailure;
import me.tokenpay.spring.client.operation.ParameterLocation;
import me.tokenpay.spring.client.operation.QueryMethod;
import me.tokenpay.spring.client.payin.PayInAmountFormat;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.TimestampUnit;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the TokenPay client.
 *
 * @param enabled Whether to auto-configure the TokenPay client.
 * @param baseUrl Base URL of the TokenPay gateway; must be https unless the host is
 * loopback.
 * @param appId Application id (app_id) from the TokenPay merchant backstage.
 * @param mchId Merchant id (mch_id) from the TokenPay merchant backstage.
 * @param appSecret Application secret from the TokenPay merchant backstage, exactly 32
 * UTF-8 bytes (an AES-256 key).
 * @param connectTimeout Time allowed to open a connection to the gateway.
 * @param readTimeout Time allowed for the gateway's answer once the request is sent.
 * @param maxResponseSize Largest answer body accepted; bigger answers fail without being
 * read further.
 * @param userAgent User-Agent header sent with every call; defaults to the starter's name
 * and version.
 * @param operations What to change in operations, by operation name (such as
 * cancel-payout), where TokenPay's documents disagree with the declared paths and
 * methods.
 * @param payout Settings of payouts.
 * @param payIn Settings of pay-in orders.
 * @param currencies Settings of the currency list.
 * @param notification Settings of notifications (webhooks) from TokenPay.
 * @param signature Settings of request signing and response signature verification.
 * @param retry Settings of retries of failed calls.
 * @param rateLimit Settings of the client-side rate limiter.
 * @param merchants Further merchants by name, each with its own app-id, mch-id,
 * app-secret and optionally base-url; the flat tokenpay.app-id, mch-id and app-secret are
 * the merchant named "default".
 * @param defaultMerchant Name of the merchant the single TokenPayOperations bean calls
 * for; by default "default" when the flat credentials are set, else the only named
 * merchant.
 * @param verifyOnStartup Whether to verify each merchant's configuration against the
 * gateway at start-up with one signed, read-only probe: off, warn (log what to fix) or
 * fail (stop the application, naming the property to fix).
 * @param health Settings of the tokenpay health indicator.
 * @param audit Settings of the audit log of calls to TokenPay.
 * @author TokenPay Spring Boot team
 */
@ConfigurationProperties("tokenpay")
public record TokenPayProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("https://api.tokenpay.me") String baseUrl, @Nullable String appId, @Nullable String mchId,
		@Nullable String appSecret, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("1MB") DataSize maxResponseSize,
		@Nullable String userAgent, @Nullable Map<String, Operation> operations, @DefaultValue Payout payout,
		@DefaultValue PayIn payIn, @DefaultValue Currencies currencies, @DefaultValue Notification notification,
		@DefaultValue Signature signature, @DefaultValue Retry retry, @DefaultValue RateLimit rateLimit,
		@Nullable Map<String, Merchant> merchants, @Nullable String defaultMerchant,
		@DefaultValue("off") VerifyOnStartup verifyOnStartup, @DefaultValue Health health, @DefaultValue Audit audit) {

	@Override
	public String toString() {
		return "TokenPayProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", appId=" + this.appId
				+ ", mchId=" + this.mchId + ", appSecret=" + ((this.appSecret != null) ? "******" : null)
				+ ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout + ", maxResponseSize="
				+ this.maxResponseSize + ", userAgent=" + this.userAgent + ", operations=" + this.operations
				+ ", payout=" + this.payout + ", payIn=" + this.payIn + ", currencies=" + this.currencies
				+ ", notification=" + this.notification + ", signature=" + this.signature + ", retry=" + this.retry
				+ ", rateLimit=" + this.rateLimit + ", verifyOnStartup=" + this.verifyOnStartup + ", health="
				+ this.health + ", audit=" + this.audit + "]";
	}

	/**
	 * Return what to change in operations.
	 * @return the changes by operation name, empty when none are configured
	 */
	public Map<String, Operation> operationOverrides() {
		Map<String, Operation> operations = this.operations;
		return (operations != null) ? operations : Map.of();
	}

	/**
	 * Return the named merchants.
	 * @return the merchants by name, empty when none are configured
	 */
	public Map<String, Merchant> namedMerchants() {
		Map<String, Merchant> merchants = this.merchants;
		return (merchants != null) ? merchants : Map.of();
	}

	/**
	 * A named merchant.
	 *
	 * @param appId Application id (app_id) of the merchant.
	 * @param mchId Merchant id (mch_id) of the merchant.
	 * @param appSecret Application secret of the merchant, exactly 32 UTF-8 bytes.
	 * @param baseUrl Base URL of the merchant's gateway; tokenpay.base-url when absent.
	 */
	public record Merchant(@Nullable String appId, @Nullable String mchId, @Nullable String appSecret,
			@Nullable String baseUrl) {

		@Override
		public String toString() {
			return "Merchant[appId=" + this.appId + ", mchId=" + this.mchId + ", appSecret="
					+ ((this.appSecret != null) ? "******" : null) + ", baseUrl=" + this.baseUrl + "]";
		}

	}

	/**
	 * What to change in one operation, where TokenPay's documents disagree with its
	 * declaration; each setting left out keeps the declared value.
	 *
	 * @param path Path of the operation, relative to tokenpay.base-url.
	 * @param method HTTP method of a read (a query or the balance inquiry): post or get;
	 * get sends the parameters in the signed query string.
	 * @param parameterLocation Where a post sends its parameters: body (the signed JSON
	 * body) or query (the signed query string).
	 */
	public record Operation(@Nullable String path, @Nullable QueryMethod method,
			@Nullable ParameterLocation parameterLocation) {

	}

	/**
	 * Settings of payouts.
	 *
	 * @param payoutIdField JSON field carrying the payout id in Cancel Payout; the
	 * Chinese page names it payanother_id.
	 * @param notOpenCodes Gateway codes meaning the payout is no longer open; such a
	 * rejection of a cancel repeated after an attempt with an unknown outcome fails with
	 * TokenPayOutcomeUnknownException.
	 * @param resolveAttempts How many queries look for a created payout whose answer was
	 * lost before the create fails with TokenPayOutcomeUnknownException; 0 turns the
	 * queries off.
	 * @param resolveDelay Wait before the first of those queries, doubled before each
	 * next one.
	 */
	public record Payout(@DefaultValue("payout_id") String payoutIdField,
			@DefaultValue("20005") Set<Integer> notOpenCodes, @DefaultValue("3") int resolveAttempts,
			@DefaultValue("500ms") Duration resolveDelay) {

	}

	/**
	 * Settings of pay-in orders.
	 *
	 * @param amountFormat How the amount of Create Pay-in order is sent: number (major
	 * units as a JSON number, as TokenPay's example and known clients do), string (major
	 * units as a JSON string) or minor-units (a JSON integer, as TokenPay's field table
	 * shows).
	 * @param notClosableCodes Gateway codes meaning the order is no longer open; a close
	 * refused with one of them queries the order and succeeds when it is closed.
	 * @param resolveAttempts How many queries look for a created pay-in order whose
	 * answer was lost before the create fails with TokenPayOutcomeUnknownException; 0
	 * turns the queries off.
	 * @param resolveDelay Wait before the first of those queries, doubled before each
	 * next one.
	 */
	public record PayIn(@DefaultValue("number") PayInAmountFormat amountFormat,
			@DefaultValue("20005") Set<Integer> notClosableCodes, @DefaultValue("3") int resolveAttempts,
			@DefaultValue("500ms") Duration resolveDelay) {

	}

	/**
	 * Settings of the currency list.
	 *
	 * @param cacheTtl How long a fetched currency list is served without calling TokenPay
	 * again; 0 calls every time. TokenPayOperations.refreshCurrencies() fetches it at
	 * once.
	 */
	public record Currencies(@DefaultValue("10m") Duration cacheTtl) {

	}

	/**
	 * Settings of notifications (webhooks) from TokenPay.
	 *
	 * @param enabled Whether to register the notification endpoint in a servlet web
	 * application; it dispatches verified notifications to @EventListener methods and
	 * TokenPayNotificationHandler beans.
	 * @param path Path of the notification endpoint; give TokenPay its absolute URL as
	 * notify_url.
	 * @param maxBodySize Largest notification body accepted; larger ones are refused
	 * without being read further.
	 * @param timestampTolerance How far a notification's TTPay-Timestamp may be from the
	 * local clock, either way; TokenPay resends for about 11 hours and may keep the first
	 * timestamp. 0 turns the check off.
	 * @param dedupeRetention How long a handled notification is remembered so that its
	 * resends are acknowledged without handling it again.
	 * @param dedupeLease How long a notification being handled stays claimed when its
	 * handling never ends (such as when the instance dies).
	 * @param dedupeStore Where handled notifications are remembered: memory (this
	 * instance) or redis (every instance sharing the Redis of spring.data.redis.*).
	 * @param onStoreFailure What to do when Redis fails: local (deduplicate in this
	 * instance only, logging once a minute) or reject (answer fail, so that TokenPay
	 * sends the notification again later).
	 */
	public record Notification(@DefaultValue("false") boolean enabled,
			@DefaultValue("/tokenpay/notifications") String path, @DefaultValue("64KB") DataSize maxBodySize,
			@DefaultValue("24h") Duration timestampTolerance, @DefaultValue("24h") Duration dedupeRetention,
			@DefaultValue("2m") Duration dedupeLease, @DefaultValue("memory") DedupeStore dedupeStore,
			@DefaultValue("local") StoreFailure onStoreFailure) {

		/**
		 * Where handled notifications are remembered.
		 */
		public enum DedupeStore {

			/**
			 * In this application instance's memory.
			 */
			MEMORY,

			/**
			 * In Redis, shared by every instance.
			 */
			REDIS

		}

	}

	/**
	 * Settings of request signing and response signature verification.
	 *
	 * @param timestampUnit Unit of the timestamp in signed requests; TokenPay's English
	 * pages say seconds, its corrected Chinese page milliseconds.
	 * @param responseMode How strictly to verify the TTPay-Signature of answers.
	 * @param responseTolerance How far an answer's TTPay-Timestamp may be from the local
	 * clock, either way.
	 */
	public record Signature(@DefaultValue("milliseconds") TimestampUnit timestampUnit,
			@DefaultValue("if-present") ResponseSignatureMode responseMode,
			@DefaultValue("5m") Duration responseTolerance) {

	}

	/**
	 * Settings of retries. Connection failures, HTTP 5xx and 429 answers and the
	 * gateway's retryable codes (11000, 11001, 20004) are retried; authentication,
	 * validation and business rejections never are.
	 *
	 * @param maxAttempts Maximum number of attempts per call, the first one included; 1
	 * turns retries off.
	 * @param initialDelay Wait before the first retry.
	 * @param multiplier Factor applied to the wait after each retry.
	 * @param maxDelay Longest wait between two attempts.
	 * @param jitter Random amount added to or taken from each wait.
	 * @param deadline Longest time one call may take, all attempts and waits included;
	 * must be at least connect-timeout + read-timeout + rate-limit.max-wait.
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialDelay,
			@DefaultValue("2") double multiplier, @DefaultValue("2s") Duration maxDelay,
			@DefaultValue("100ms") Duration jitter, @DefaultValue("45s") Duration deadline) {

	}

	/**
	 * Settings of the client-side rate limiter. TokenPay allows 5 requests per second per
	 * app id; merchants sharing an app id share one budget. The local store limits one
	 * application instance; the redis store shares the budget between instances.
	 *
	 * @param enabled Whether to limit the rate of requests.
	 * @param permits Requests allowed per app id in any window.
	 * @param window The window of the limit.
	 * @param permitsPerSecond Deprecated: requests allowed in any one-second window; use
	 * permits and window.
	 * @param maxWait Longest a call waits for a permit before failing with
	 * TokenPayRateLimitException.
	 * @param store Where permits are counted: local (this instance) or redis (every
	 * instance sharing the Redis of spring.data.redis.*).
	 * @param onStoreFailure What to do when Redis fails: local (limit this instance to
	 * its share, permits / instances, logging once a minute) or reject (fail calls with
	 * TokenPayRateLimitException, sending nothing).
	 * @param instances How many application instances share an app id: while Redis fails,
	 * each limits itself to permits / instances, so that together they stay within the
	 * budget (1 keeps the whole budget per instance).
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("5") int permits,
			@DefaultValue("1s") Duration window, @Nullable Integer permitsPerSecond,
			@DefaultValue("2s") Duration maxWait, @DefaultValue("local") Store store,
			@DefaultValue("local") StoreFailure onStoreFailure, @DefaultValue("1") int instances) {

		/**
		 * Where permits are counted.
		 */
		public enum Store {

			/**
			 * In this application instance.
			 */
			LOCAL,

			/**
			 * In Redis, shared by every instance.
			 */
			REDIS,

			/**
			 * In the application's database, shared by every instance.
			 */
			JDBC

		}

	}

	/**
	 * Whether and how each merchant's configuration is verified at start-up.
	 */
	public enum VerifyOnStartup {

		/**
		 * Do not verify at start-up.
		 */
		OFF,

		/**
		 * Verify, and log a warning naming the property to fix.
		 */
		WARN,

		/**
		 * Verify, and stop the application naming the property to fix.
		 */
		FAIL

	}

	/**
	 * Settings of the tokenpay health indicator.
	 *
	 * @param cacheTtl How long a merchant's verification is reused before the gateway is
	 * probed again: one rate-limited request per merchant per period.
	 */
	public record Health(@DefaultValue("1m") Duration cacheTtl) {

	}

	/**
	 * Settings of the audit log.
	 *
	 * @param enabled Whether to record every attempt of every call (operation, merchant,
	 * request id, status, code, attempt and duration) for TokenPayAuditSink beans, or in
	 * the log "me.tokenpay.spring.audit" at INFO when there is none.
	 * @param includeBodies Whether audit records carry the request and answer bodies too;
	 * the Authorization header is never recorded, and the secret is never in a body.
	 */
	public record Audit(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean includeBodies) {

	}

}
