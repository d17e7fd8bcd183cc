package me.tokenpay.spring.operability;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import me.tokenpay.spring.autoconfigure.TokenPayAutoConfiguration;
import me.tokenpay.spring.autoconfigure.TokenPayNotificationAutoConfiguration;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.audit.TokenPayAuditRecord;
import me.tokenpay.spring.client.audit.TokenPayAuditSink;
import me.tokenpay.spring.client.notification.NotificationReply;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import me.tokenpay.spring.test.OrderDetail;
import me.tokenpay.spring.test.SignedNotification;
import me.tokenpay.spring.test.TokenPayNotifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the audit log against the mock gateway: a record per attempt, and never the
 * secret, the {@code Authorization} header or a decrypted notification.
 *
 * @author TokenPay Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenPayAuditTests {

	private static final String DECRYPTED_ONLY = "TDecryptedOnlyAddress00000000000001";

	private final MockTokenPayServer server = MockTokenPayServer.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TokenPayAutoConfiguration.class, TokenPayNotificationAutoConfiguration.class))
		.withPropertyValues(this.server.propertyValues())
		.withPropertyValues("tokenpay.audit.enabled=true", "tokenpay.retry.initial-delay=1ms");

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void everyAttemptIsRecordedForTheSinks() {
		List<TokenPayAuditRecord> records = new CopyOnWriteArrayList<>();
		this.server.enqueueFor("query-payout", Fault.httpStatus(503));
		this.contextRunner.withBean(TokenPayAuditSink.class, () -> records::add).run((context) -> {
			TokenPayOperations tokenPay = context.getBean(TokenPayOperations.class);
			tokenPay.payouts().create(request("audit-1"));
			tokenPay.payouts().getByOutTradeNo("audit-1");
			assertThat(records).extracting(TokenPayAuditRecord::operation)
				.containsExactly("create-payout", "query-payout", "query-payout");
			TokenPayAuditRecord create = records.get(0);
			assertThat(create.merchant()).isEqualTo("default");
			assertThat(create.appId()).isEqualTo(this.server.credentials().appId());
			assertThat(create.resourceId()).isEqualTo("audit-1");
			assertThat(create.attempt()).isOne();
			assertThat(create.outcome()).isEqualTo("success");
			assertThat(create.httpStatus()).isEqualTo(200);
			assertThat(create.code()).isZero();
			assertThat(create.requestId()).isNotBlank();
			assertThat(create.requestBody()).isNull();
			assertThat(records.get(1).attempt()).isOne();
			assertThat(records.get(1).httpStatus()).isEqualTo(503);
			assertThat(records.get(1).outcome()).isNotEqualTo("success");
			assertThat(records.get(2).attempt()).isEqualTo(2);
			assertThat(records.get(2).outcome()).isEqualTo("success");
		});
	}

	@Test
	void bodiesAreRecordedWhenAskedFor() {
		List<TokenPayAuditRecord> records = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("tokenpay.audit.include-bodies=true")
			.withBean(TokenPayAuditSink.class, () -> records::add)
			.run((context) -> {
				context.getBean(TokenPayOperations.class).payouts().create(request("audit-2"));
				assertThat(records).singleElement().satisfies((record) -> {
					assertThat(record.requestBody()).contains("\"out_trade_no\":\"audit-2\"")
						.contains("\"app_id\":\"" + this.server.credentials().appId() + "\"");
					assertThat(record.responseBody()).contains("audit-2");
				});
			});
	}

	@Test
	void aFailingSinkDoesNotChangeTheCall() {
		this.contextRunner.withBean(TokenPayAuditSink.class, () -> (record) -> {
			throw new IllegalStateException("sink down");
		})
			.run((context) -> assertThat(
					context.getBean(TokenPayOperations.class).payouts().create(request("audit-3")).outTradeNo())
				.isEqualTo("audit-3"));
	}

	@Test
	void theAuditLogNeverHoldsTheSecretTheAuthorizationOrADecryptedNotification(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("me.tokenpay", LogLevel.TRACE);
		try {
			this.contextRunner
				.withPropertyValues("tokenpay.audit.include-bodies=true", "tokenpay.notification.enabled=true")
				.run((context) -> {
					TokenPayOperations tokenPay = context.getBean(TokenPayOperations.class);
					tokenPay.payouts().create(request("audit-4"));
					SignedNotification notification = TokenPayNotifications.forTesting(this.server.credentials())
						.payoutSucceeded(OrderDetail.payout("audit-4")
							.to("TRON", "USDT", DECRYPTED_ONLY)
							.amount(new BigDecimal("1.5"), 6)
							.paid()
							.toPayout());
					NotificationReply reply = context.getBean(TokenPayNotificationDispatcher.class)
						.receive(notification.headers()::get, notification.body());
					assertThat(reply.status()).isEqualTo(200);
				});
			assertThat(output).contains("operation=create-payout")
				.contains("request={")
				.doesNotContain(this.server.credentials().appSecret())
				.doesNotContain(TtpayAuthorizationSigner.SCHEME)
				.doesNotContain(DECRYPTED_ONLY);
		}
		finally {
			logging.setLogLevel("me.tokenpay", null);
		}
	}

	private static CreatePayoutRequest request(String outTradeNo) {
		return CreatePayoutRequest
			.builder(new BigDecimal("1.5"), Chain.TRON, "USDT", "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w")
			.outTradeNo(outTradeNo)
			.build();
	}

}
