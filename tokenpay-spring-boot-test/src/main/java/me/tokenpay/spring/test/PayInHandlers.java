package me.tokenpay.spring.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import me.tokenpay.spring.client.TokenPayCredentials;
import me.tokenpay.spring.client.payin.PayInTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Answers the pay-in operations of {@link MockTokenPayServer} as the gateway would,
 * checking every body strictly: {@code amount} a positive JSON number in major units,
 * {@code expire_second} a whole number from 60 to 86400, {@code order_type}
 * {@code platform_order} or {@code merchant_order} (which needs {@code to_address}),
 * {@code out_trade_no} required and at most 64 characters.
 *
 * @author TokenPay Spring Boot team
 */
final class PayInHandlers {

	private static final Set<String> ORDER_TYPES = Set.of("platform_order", "merchant_order");

	private static final Set<String> LOCALES = Set.of("zh_cn", "en");

	private final PayInStore store;

	PayInHandlers(PayInStore store) {
		this.store = store;
	}

	/**
	 * Return the handlers of the pay-in operations, by operation name.
	 * @return the handlers
	 */
	Map<String, MockOperationHandler> handlers() {
		return Map.of(PayInTemplate.CREATE_PAY_IN.name(),
				(call) -> new MockAnswer(create(call.credentials(), call.body(), call.now())),
				PayInTemplate.QUERY_PAY_IN.name(),
				(call) -> new MockAnswer(
						query(call.credentials(), call.method(), call.body(), call.query(), call.now())),
				PayInTemplate.CLOSE_PAY_IN.name(),
				(call) -> new MockAnswer(close(call.credentials(), call.body(), call.now())));
	}

	Answer create(TokenPayCredentials caller, byte[] body, Instant now) {
		JsonNode request = RequestBodies.merchantBody(body, caller);
		JsonNode amount = request.get("amount");
		if (amount == null || amount.isNull()) {
			throw new Rejection(11003, "Miss required parameter: amount");
		}
		if (!amount.isNumber() || amount.decimalValue().signum() <= 0) {
			throw new Rejection(100, "Request parameter error: amount must be a positive number");
		}
		int expireSecond = expireSecond(request.get("expire_second"));
		String orderType = RequestBodies.requiredText(request, "order_type");
		if (!ORDER_TYPES.contains(orderType)) {
			throw new Rejection(100, "Request parameter error: order_type must be one of " + ORDER_TYPES);
		}
		String toAddress = RequestBodies.optionalText(request, "to_address", 128);
		if (toAddress == null && "merchant_order".equals(orderType)) {
			throw new Rejection(11003, "Miss required parameter: to_address");
		}
		String locale = RequestBodies.optionalText(request, "locale", 16);
		if (locale != null && !LOCALES.contains(locale)) {
			throw new Rejection(100, "Request parameter error: locale must be one of " + LOCALES);
		}
		RequestBodies.optionalText(request, "return_url", 512);
		String outTradeNo = RequestBodies.requiredText(request, "out_trade_no");
		if (outTradeNo.length() > 64) {
			throw new Rejection(100, "Request parameter error: out_trade_no must be at most 64 characters");
		}
		BigDecimal major = amount.decimalValue();
		PayInStore.CreateRequest create = new PayInStore.CreateRequest(outTradeNo, major,
				RequestBodies.requiredText(request, "chain"), RequestBodies.requiredText(request, "currency"),
				expireSecond, orderType, toAddress, RequestBodies.optionalText(request, "description", 256),
				RequestBodies.optionalText(request, "attach", 256),
				RequestBodies.optionalText(request, "notify_url", 512));
		MockPayIn payIn = this.store.create(create, now);
		JsonNode data = Answer.JSON.createObjectNode()
			.put("prepay_id", payIn.prepayId())
			.put("payment_url", "/pay/order?prepay_id=" + payIn.prepayId());
		return Answer.envelope(0, "success", data, "created pay-in " + payIn.transactionId());
	}

	Answer query(TokenPayCredentials caller, String method, byte[] body, Map<String, String> query, Instant now) {
		JsonNode request = "GET".equals(method) ? null : RequestBodies.merchantBody(body, caller);
		String outTradeNo = RequestBodies.idFrom(request, query, "out_trade_no");
		String transactionId = RequestBodies.idFrom(request, query, "transaction_id");
		String id = (transactionId != null) ? transactionId : outTradeNo;
		if (id == null) {
			throw new Rejection(11003, "Miss required parameter: out_trade_no or transaction_id");
		}
		MockPayIn payIn = this.store.find(id, now);
		if (payIn == null || (transactionId != null && !payIn.transactionId().equals(transactionId))
				|| (outTradeNo != null && !payIn.outTradeNo().equals(outTradeNo))) {
			throw new Rejection(12002, "Data is absence");
		}
		return Answer.envelope(0, "success", this.store.detail(payIn, now), "found pay-in " + payIn.transactionId());
	}

	Answer close(TokenPayCredentials caller, byte[] body, Instant now) {
		JsonNode request = RequestBodies.merchantBody(body, caller);
		String transactionId = RequestBodies.requiredText(request, "transaction_id");
		this.store.close(transactionId, now);
		return Answer.envelope(0, "success", "closed pay-in " + transactionId);
	}

	private static int expireSecond(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			throw new Rejection(11003, "Miss required parameter: expire_second");
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 60
				|| value.intValue() > 86_400) {
			throw new Rejection(100, "Request parameter error: expire_second must be a whole number from 60 to 86400");
		}
		return value.intValue();
	}

}
