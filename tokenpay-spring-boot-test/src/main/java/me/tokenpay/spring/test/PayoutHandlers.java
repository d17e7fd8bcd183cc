package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.payout.PayoutTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Answers the payout operations of {@link MockTokenPayServer} as the gateway would,
 * checking every body strictly: required fields, types, {@code amount} as a decimal
 * string, {@code out_trade_no} at most 64 characters.
 *
 * @author TokenPay Spring Boot team
 */
final class PayoutHandlers {

	private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

	private final PayoutStore store;

	private volatile String payoutIdField = MockTokenPayServer.DEFAULT_PAYOUT_ID_FIELD;

	PayoutHandlers(PayoutStore store) {
		this.store = store;
	}

	void payoutIdField(String field) {
		this.payoutIdField = field;
	}

	String payoutIdField() {
		return this.payoutIdField;
	}

	/**
	 * Return the handlers of the payout operations, by operation name.
	 * @return the handlers
	 */
	Map<String, MockOperationHandler> handlers() {
		return Map.of(PayoutTemplate.CREATE_PAYOUT.name(),
				(call) -> new MockAnswer(create(call.credentials(), call.body(), call.now())),
				PayoutTemplate.QUERY_PAYOUT.name(),
				(call) -> new MockAnswer(query(call.credentials(), call.method(), call.body(), call.query())),
				PayoutTemplate.CANCEL_PAYOUT.name(),
				(call) -> new MockAnswer(cancel(call.credentials(), call.body(), call.now())));
	}

	Answer create(TokenPayCredentials caller, byte[] body, Instant now) {
		JsonNode request = RequestBodies.merchantBody(body, caller);
		String amount = RequestBodies.requiredText(request, "amount");
		if (!DECIMAL.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
			throw new Rejection(100, "Request parameter error: amount must be a positive decimal string");
		}
		String outTradeNo = RequestBodies.optionalText(request, "out_trade_no", 64);
		String description = RequestBodies.optionalText(request, "description", 256);
		PayoutStore.CreateRequest create = new PayoutStore.CreateRequest(outTradeNo, new BigDecimal(amount),
				RequestBodies.requiredText(request, "chain"), RequestBodies.requiredText(request, "currency"),
				RequestBodies.requiredText(request, "to_address"), description,
				RequestBodies.optionalText(request, "attach", 256),
				RequestBodies.optionalText(request, "notify_url", 512));
		MockPayout payout = this.store.create(create, now);
		return Answer.envelope(0, "success", this.store.detail(payout), "created " + payout.transactionId());
	}

	Answer query(TokenPayCredentials caller, String method, byte[] body, Map<String, String> query) {
		String outTradeNo;
		String transactionId;
		if ("GET".equals(method)) {
			outTradeNo = query.get("out_trade_no");
			transactionId = query.get("transaction_id");
		}
		else {
			JsonNode request = RequestBodies.merchantBody(body, caller);
			outTradeNo = RequestBodies.optionalText(request, "out_trade_no", 64);
			transactionId = RequestBodies.optionalText(request, "transaction_id", 64);
		}
		String id = (transactionId != null) ? transactionId : outTradeNo;
		if (id == null || id.isBlank()) {
			throw new Rejection(11003, "Miss required parameter: out_trade_no or transaction_id");
		}
		MockPayout payout = this.store.find(id);
		if (payout == null || (transactionId != null && !payout.transactionId().equals(transactionId))
				|| (outTradeNo != null && !payout.outTradeNo().equals(outTradeNo))) {
			throw new Rejection(12002, "Data is absence");
		}
		return Answer.envelope(0, "success", this.store.detail(payout), "found " + payout.transactionId());
	}

	Answer cancel(TokenPayCredentials caller, byte[] body, Instant now) {
		JsonNode request = RequestBodies.merchantBody(body, caller);
		String payoutId = RequestBodies.requiredText(request, this.payoutIdField);
		this.store.cancel(payoutId, now);
		return Answer.envelope(0, "success", "closed " + payoutId);
	}

	/**
	 * Return the ids a request body carries, for per-payout faults.
	 * @param body the body
	 * @return the ids
	 */
	List<String> ids(byte[] body) {
		return RequestBodies.ids(body, this.payoutIdField, "transaction_id", "out_trade_no");
	}

}
