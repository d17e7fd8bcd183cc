package me.tokenpay.sample;

import java.math.BigDecimal;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.payout.CancelPayoutResponse;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.client.payout.Payout;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Creates, queries and cancels payouts on behalf of the merchant. Every argument is
 * checked by the TokenPay client before anything is sent; failures are turned into
 * problem details by {@link TokenPayProblemHandler}.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class PayoutController {

	private final MerchantSelector merchants;

	/**
	 * Create a new controller.
	 * @param merchants picks the merchant of each request
	 */
	public PayoutController(MerchantSelector merchants) {
		this.merchants = merchants;
	}

	/**
	 * Create a payout. Safe to repeat with the same {@code outTradeNo}: the existing
	 * payout is returned rather than a second one created.
	 * @param body the payout to create
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return {@code 201 Created} with the payout and its location
	 */
	@PostMapping("/payouts")
	public ResponseEntity<PayoutView> create(@RequestBody CreatePayoutBody body,
			@RequestParam(required = false) @Nullable String merchant) {
		CreatePayoutRequest request = body.toRequest();
		Payout payout = this.merchants.operations(merchant).payouts().create(request);
		PayoutView view = PayoutView.of(payout, request);
		URI location = URI.create("/payouts/" + UriUtils.encodePathSegment(view.outTradeNo(), "UTF-8"));
		return ResponseEntity.created(location).body(view);
	}

	/**
	 * Query a payout by the merchant's order number.
	 * @param outTradeNo the order number
	 * @param request the HTTP request, to refuse path parameters
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the payout
	 */
	@GetMapping("/payouts/{outTradeNo}")
	public PayoutView get(@PathVariable String outTradeNo, @RequestParam(required = false) @Nullable String merchant,
			HttpServletRequest request) {
		RequestFields.refusePathParameters("outTradeNo", request);
		return PayoutView.of(this.merchants.operations(merchant).payouts().getByOutTradeNo(outTradeNo), null);
	}

	/**
	 * Cancel a payout that has not been paid yet.
	 * @param payoutId the platform's payout id, the {@code transactionId} of a created
	 * payout
	 * @param request the HTTP request, to refuse path parameters
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return the gateway's answer, as {@code code}, {@code msg} and {@code requestId}
	 */
	@PostMapping("/payouts/{payoutId}/cancel")
	public CancelPayoutResponse cancel(@PathVariable String payoutId,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("payoutId", request);
		return this.merchants.operations(merchant).cancelPayout(payoutId);
	}

	/**
	 * The JSON body of a create.
	 *
	 * @param amount the amount in major units, as a decimal string such as {@code "12.5"}
	 * @param chain the chain, such as {@code TRON}
	 * @param currency the currency, such as {@code USDT}
	 * @param toAddress the receiving address
	 * @param outTradeNo the merchant's order number; generated when absent
	 * @param description a description
	 * @param notifyUrl the URL TokenPay notifies when the payout is paid, such as this
	 * application's {@code /tokenpay/notifications}
	 */
	public record CreatePayoutBody(@Nullable String amount, @Nullable String chain, @Nullable String currency,
			@Nullable String toAddress, @Nullable String outTradeNo, @Nullable String description,
			@Nullable String notifyUrl) {

		/**
		 * Return the create this body asks for, checked.
		 * @return the request
		 */
		public CreatePayoutRequest toRequest() {
			return CreatePayoutRequest
				.builder(RequestFields.amount(this.amount), RequestFields.chain(this.chain),
						RequestFields.required("currency", this.currency),
						RequestFields.required("toAddress", this.toAddress))
				.outTradeNo(this.outTradeNo)
				.description(this.description)
				.notifyUrl(this.notifyUrl)
				.build();
		}

	}

	/**
	 * A payout as this application shows it: amounts in major units as decimal strings.
	 *
	 * @param outTradeNo the merchant's order number
	 * @param transactionId the platform's payout id, the id that cancels it
	 * @param tradeState the trade state, such as {@code NOTPAY} or {@code SUCCESS}
	 * @param amount the amount in major units, such as {@code "12.5"}
	 * @param currency the currency
	 * @param chain the chain
	 */
	public record PayoutView(String outTradeNo, @Nullable String transactionId, @Nullable String tradeState,
			@Nullable String amount, @Nullable String currency, @Nullable String chain) {

		static PayoutView of(Payout payout, @Nullable CreatePayoutRequest request) {
			BigDecimal amount = payout.amount();
			if (amount == null && request != null) {
				amount = request.amount();
			}
			String currency = payout.currency();
			Chain chain = payout.chain();
			return new PayoutView(String.valueOf(payout.outTradeNo()), payout.transactionId(),
					(payout.tradeState() != null) ? payout.tradeState().value() : null,
					(amount != null) ? amount.stripTrailingZeros().toPlainString() : null,
					(currency == null && request != null) ? request.currency() : currency,
					(chain == null && request != null) ? request.chain().value()
							: (chain != null) ? chain.value() : null);
		}

	}

}
