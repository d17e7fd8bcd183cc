package me.tokenpay.spring.resilience;

import java.math.BigDecimal;
import java.util.UUID;

import me.tokenpay.spring.client.payin.PayInTemplate;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayApiException;
import me.tokenpay.spring.client.error.TokenPayException;
import me.tokenpay.spring.client.error.TokenPayMismatchedResponseException;
import me.tokenpay.spring.client.error.TokenPayOutcomeUnknownException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.payin.CreatePayInRequest;
import me.tokenpay.spring.client.payin.PayInOrder;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import me.tokenpay.spring.client.payout.PayoutQuery;
import me.tokenpay.spring.test.Fault;
import me.tokenpay.spring.test.MockTokenPayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A correctly signed answer about something other than what the call asked is never a
 * success: one case per way a hostile gateway stand-in made the client accept another
 * order, another amount or an unbounded number, each asserting the exception, whether its
 * outcome is unknown, the id it carries and, for creates, that the gateway saw one
 * create.
 *
 * @author TokenPay Spring Boot team
 */
class AnswerBindingTests {

	private static final String ADDRESS = "TQjxEW2Z3p9wjoxxxxxxxxgJUrWXBun91w";

	private static final BigDecimal AMOUNT = new BigDecimal("12.5");

	private MockTokenPayServer server;

	private TestTokenPayClient client;

	@BeforeEach
	void start() {
		this.server = MockTokenPayServer.start();
		this.client = TestTokenPayClient.create(this.server, "tokenpay.payout.resolve-attempts=2",
				"tokenpay.payout.resolve-delay=1ms", "tokenpay.pay-in.resolve-attempts=2",
				"tokenpay.pay-in.resolve-delay=1ms");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void createAnsweredAboutAnotherOrderEveryTimeStaysUnknownWithItsOutTradeNo() {
		String outTradeNo = outTradeNo();
		this.server.faults().injectForPayout(outTradeNo, Fault.answerAbout("someone-elses-order"));
		assertUnknownCreate(outTradeNo);
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "amount, 99000000", "amount, -12500000", "amount, 10000000000000000000000000000000000000000",
			"currency, TRX", "chain, ETHEREUM", "to_address, TSomeoneElse", "decimals, 2147483647", "decimals, -1" })
	void createAnsweredWithAnotherMoneyFieldEveryTimeStaysUnknownWithItsOutTradeNo(String field, String value) {
		String outTradeNo = outTradeNo();
		this.server.faults().injectForPayout(outTradeNo, Fault.fieldDiffers(field, number(value)));
		assertUnknownCreate(outTradeNo);
	}

	@Test
	void createWhoseAnswerDiffersButWhoseQueryConfirmsTheRequestIsTheQueriedPayout() {
		String outTradeNo = outTradeNo();
		this.server.faults().enqueueFor("create-payout", Fault.fieldDiffers("amount", 99000000));
		Payout payout = this.client.template().payouts().create(payoutRequest(outTradeNo));
		assertThat(payout.outTradeNo()).isEqualTo(outTradeNo);
		assertThat(payout.amount()).isEqualByComparingTo(AMOUNT);
		assertThat(creates(PayoutTemplate.CREATE_PAYOUT.path())).isOne();
	}

	@Test
	void queryAnsweredAboutAnotherOrderIsAMismatchCarryingTheAskedId() {
		String outTradeNo = outTradeNo();
		this.client.template().payouts().create(payoutRequest(outTradeNo));
		this.server.faults().enqueueFor("query-payout", Fault.answerAbout("someone-elses-order"));
		assertThatExceptionOfType(TokenPayMismatchedResponseException.class)
			.isThrownBy(() -> this.client.template().payouts().getByOutTradeNo(outTradeNo))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(outTradeNo);
				assertThat(ex.getOperation()).isEqualTo("query-payout");
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.getMismatches()).anySatisfy((text) -> assertThat(text).startsWith("out_trade_no is"));
			});
	}

	@Test
	void queryByTransactionIdAnsweredAboutAnotherPayoutIsAMismatch() {
		Payout created = this.client.template().payouts().create(payoutRequest(outTradeNo()));
		String transactionId = created.transactionId();
		this.server.faults().enqueueFor("query-payout", Fault.fieldDiffers("transaction_id", "f".repeat(32)));
		assertThatExceptionOfType(TokenPayMismatchedResponseException.class)
			.isThrownBy(() -> this.client.template().payouts().get(PayoutQuery.byTransactionId(transactionId)))
			.satisfies((ex) -> assertThat(ex.getId()).isEqualTo(transactionId));
	}

	@Test
	void payInQueryAnsweredAboutAnotherOrderIsAMismatch() {
		String outTradeNo = outTradeNo();
		this.client.template().payIns().create(payInRequest(outTradeNo));
		this.server.faults().enqueueFor("query-pay-in", Fault.answerAbout("someone-elses-order"));
		assertThatExceptionOfType(TokenPayMismatchedResponseException.class)
			.isThrownBy(() -> this.client.template().payIns().getByOutTradeNo(outTradeNo))
			.satisfies((ex) -> assertThat(ex.getId()).isEqualTo(outTradeNo));
	}

	@Test
	void payInCreateAnsweredAboutAnotherOrderEveryTimeStaysUnknownWithItsOutTradeNo() {
		String outTradeNo = outTradeNo();
		this.server.faults().injectForPayout(outTradeNo, Fault.answerAbout("someone-elses-order"));
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> this.client.template().payIns().create(payInRequest(outTradeNo)))
			.satisfies((ex) -> assertThat(ex.getId()).isEqualTo(outTradeNo));
		assertThat(creates(PayInTemplate.CREATE_PAY_IN.path())).isOne();
	}

	@Test
	void payInCreateEchoingAnotherCurrencyIsResolvedByItsQuery() {
		String outTradeNo = outTradeNo();
		this.server.faults().enqueueFor("create-pay-in", Fault.fieldDiffers("currency", "TRX"));
		PayInOrder order = this.client.template().payIns().create(payInRequest(outTradeNo));
		assertThat(order.outTradeNo()).isEqualTo(outTradeNo);
		assertThat(order.transaction()).isNotNull();
		assertThat(order.transaction().currency()).isEqualTo("USDT");
		assertThat(creates(PayInTemplate.CREATE_PAY_IN.path())).isOne();
	}

	@Test
	void payInCloseRefusedThenQueriedAboutAnotherClosedOrderIsNotAlreadyClosed() {
		String outTradeNo = outTradeNo();
		this.client.template().payIns().create(payInRequest(outTradeNo));
		String transactionId = this.server.payIns().all().get(0).transactionId();
		this.server.payIns().expire(transactionId);
		this.server.faults().enqueueFor("close-pay-in", Fault.gatewayCode(20005));
		this.server.faults().enqueueFor("query-pay-in", Fault.fieldDiffers("transaction_id", "f".repeat(32)));
		assertThatExceptionOfType(TokenPayApiException.class)
			.isThrownBy(() -> this.client.template().payIns().close(transactionId))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(20005);
				assertThat(ex.getSuppressed()).singleElement().isInstanceOf(TokenPayMismatchedResponseException.class);
			});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "decimals, 2147483647", "amount, -1", "amount, 12.5", "create_time, -5",
			"create_time, 99999999999999999", "service_amount, 1e999999" })
	void outOfRangeNumbersInAQueryAreAnInvalidAnswer(String field, String value) {
		String outTradeNo = outTradeNo();
		this.client.template().payouts().create(payoutRequest(outTradeNo));
		this.server.faults().enqueueFor("query-payout", Fault.fieldDiffers(field, number(value)));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> this.client.template().payouts().getByOutTradeNo(outTradeNo))
			.withMessageContaining("'" + field + "'")
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
	}

	@Test
	void hugeDecimalsInAPayInQueryAreAnInvalidAnswer() {
		String outTradeNo = outTradeNo();
		this.client.template().payIns().create(payInRequest(outTradeNo));
		this.server.faults().enqueueFor("query-pay-in", Fault.fieldDiffers("decimals", Integer.MAX_VALUE));
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class)
			.isThrownBy(() -> this.client.template().payIns().getByOutTradeNo(outTradeNo))
			.withMessageContaining("'decimals'");
	}

	private void assertUnknownCreate(String outTradeNo) {
		assertThatExceptionOfType(TokenPayOutcomeUnknownException.class)
			.isThrownBy(() -> this.client.template().payouts().create(payoutRequest(outTradeNo)))
			.satisfies((ex) -> {
				assertThat(ex.getId()).isEqualTo(outTradeNo);
				assertThat(ex.getOperation()).isEqualTo("create-payout");
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.getCause()).isInstanceOf(TokenPayException.class);
			});
		assertThat(creates(PayoutTemplate.CREATE_PAYOUT.path())).isOne();
		assertThat(this.server.payouts().all()).singleElement()
			.satisfies((payout) -> assertThat(payout.outTradeNo()).isEqualTo(outTradeNo));
	}

	private long creates(String path) {
		return this.server.requests().stream().filter((request) -> request.path().equals(path)).count();
	}

	private static Object number(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	static String outTradeNo() {
		return "order-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static CreatePayoutRequest payoutRequest(String outTradeNo) {
		return CreatePayoutRequest.builder(AMOUNT, Chain.TRON, "USDT", ADDRESS).outTradeNo(outTradeNo).build();
	}

	static CreatePayInRequest payInRequest(String outTradeNo) {
		return CreatePayInRequest.builder(AMOUNT, Chain.TRON, "USDT").outTradeNo(outTradeNo).build();
	}

}
