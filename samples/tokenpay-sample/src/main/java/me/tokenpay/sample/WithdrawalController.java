package me.tokenpay.sample;

import java.net.URI;

import me.tokenpay.sample.PayoutController.CreatePayoutBody;
import me.tokenpay.spring.journal.JournalEntry;
import me.tokenpay.spring.journal.JournalState;
import me.tokenpay.spring.journal.PayoutJournal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Withdrawals through the payout journal: a withdrawal is written in this application's
 * database and answered {@code 202 Accepted} at once; the journal sends it once, whatever
 * crashes, and follows it to a final state. In an application, write the withdrawal's own
 * record and submit it in one {@code @Transactional} method, as {@link #submit} does.
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class WithdrawalController {

	private final PayoutJournal journal;

	private final MerchantSelector merchants;

	/**
	 * Create a new controller.
	 * @param journal the payout journal
	 * @param merchants checks the merchant of each request
	 */
	public WithdrawalController(PayoutJournal journal, MerchantSelector merchants) {
		this.journal = journal;
		this.merchants = merchants;
	}

	/**
	 * Submit a withdrawal. Safe to repeat with the same {@code outTradeNo}.
	 * @param body the payout to make, as for {@code POST /payouts}
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return {@code 202 Accepted} with the withdrawal's state and location
	 */
	@PostMapping("/withdrawals")
	@Transactional
	public ResponseEntity<WithdrawalView> submit(@RequestBody CreatePayoutBody body,
			@RequestParam(required = false) @Nullable String merchant) {
		this.merchants.operations(merchant);
		JournalEntry entry = (merchant != null) ? this.journal.submit(merchant, body.toRequest())
				: this.journal.submit(body.toRequest());
		URI location = URI.create("/withdrawals/" + UriUtils.encodePathSegment(entry.outTradeNo(), "UTF-8"));
		return ResponseEntity.accepted().location(location).body(WithdrawalView.of(entry));
	}

	/**
	 * Return a withdrawal.
	 * @param outTradeNo its order number
	 * @return the withdrawal, or {@code 404} when the journal does not hold it
	 */
	@GetMapping("/withdrawals/{outTradeNo}")
	public ResponseEntity<WithdrawalView> get(@PathVariable String outTradeNo) {
		return ResponseEntity.of(this.journal.find(outTradeNo).map(WithdrawalView::of));
	}

	/**
	 * A withdrawal as this application shows it.
	 *
	 * @param outTradeNo its order number
	 * @param state where it is, such as {@code SUBMITTED}, {@code PENDING} or
	 * {@code SUCCEEDED}
	 * @param transactionId the platform's payout id, once known
	 * @param tradeState the payout's trade state at the gateway, once known
	 * @param failureCode the gateway's code of a refusal, if any
	 */
	public record WithdrawalView(String outTradeNo, JournalState state, @Nullable String transactionId,
			@Nullable String tradeState, @Nullable Integer failureCode) {

		static WithdrawalView of(JournalEntry entry) {
			return new WithdrawalView(entry.outTradeNo(), entry.state(), entry.transactionId(), entry.tradeState(),
					entry.failureCode());
		}

	}

}
