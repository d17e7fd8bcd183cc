package me.tokenpay.spring.journal;

import java.math.BigDecimal;
import java.time.Instant;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.operation.OrderAnswer;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One journaled order: a payout the journal sends and follows, or a pay-in order it
 * follows, and where it is.
 *
 * @param kind whether it is a payout or a pay-in order
 * @param outTradeNo the merchant's order number, the journal's key with the kind
 * @param merchant the merchant of the order
 * @param amount the amount in major units
 * @param chain the chain
 * @param currency the currency
 * @param toAddress the receiving address; for a pay-in order only when it names one
 * @param description the description, if any
 * @param attach the attached data, if any
 * @param notifyUrl the notification URL, if any
 * @param state where the payout is
 * @param tradeState the last trade state the gateway reported, if any
 * @param transactionId the platform's payout id, once known
 * @param failureCode the gateway's code of a refusal, if any
 * @param failureMessage what went wrong, if anything
 * @param attempts how many times it was sent or asked about
 * @param nextAttemptAt when it is due to be sent or asked about next
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @author TokenPay Spring Boot team
 */
public record JournalEntry(JournalKind kind, String outTradeNo, String merchant, BigDecimal amount, Chain chain,
		String currency, @Nullable String toAddress, @Nullable String description, @Nullable String attach,
		@Nullable String notifyUrl, JournalState state, @Nullable String tradeState, @Nullable String transactionId,
		@Nullable Integer failureCode, @Nullable String failureMessage, int attempts, Instant nextAttemptAt,
		Instant createdAt, Instant updatedAt) {

	/**
	 * Return the create this entry sends.
	 * @return the request
	 * @throws IllegalStateException if this entry is not a payout
	 */
	public CreatePayoutRequest request() {
		String toAddress = this.toAddress;
		Assert.state(this.kind == JournalKind.PAYOUT && toAddress != null, "Only a payout is sent by the journal");
		return CreatePayoutRequest.builder(this.amount, this.chain, this.currency, toAddress)
			.outTradeNo(this.outTradeNo)
			.description(this.description)
			.attach(this.attach)
			.notifyUrl(this.notifyUrl)
			.build();
	}

	/**
	 * Return whether this entry records the same order as a request.
	 * @param merchant the merchant of the request
	 * @param request the request
	 * @return whether merchant, amount, chain, currency, address, description, attached
	 * data and notification URL are the same
	 */
	public boolean isSameOrder(String merchant, CreatePayoutRequest request) {
		return this.merchant.equals(merchant) && this.amount.compareTo(request.amount()) == 0
				&& this.chain.equals(request.chain()) && this.currency.equals(request.currency())
				&& same(this.toAddress, request.toAddress()) && same(this.description, request.description())
				&& same(this.attach, request.attach()) && same(this.notifyUrl, request.notifyUrl());
	}

	/**
	 * Return whether an order the gateway reported is this one: every money field the
	 * report states equals this entry's.
	 * @param order the reported payout or pay-in order
	 * @return whether amount, chain, currency and address agree where stated
	 */
	public boolean isAbout(OrderAnswer order) {
		BigDecimal reported = order.amount();
		String address = order.toAddress();
		return (reported == null || reported.compareTo(this.amount) == 0)
				&& (order.chain() == null || this.chain.equals(order.chain()))
				&& (order.currency() == null || this.currency.equals(order.currency()))
				&& (address == null || this.toAddress == null || address.equals(this.toAddress));
	}

	private static boolean same(@Nullable String a, @Nullable String b) {
		return (a == null) ? b == null : a.equals(b);
	}

}
