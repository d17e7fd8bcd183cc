package me.tokenpay.spring.test;

import java.util.List;

import org.springframework.util.Assert;

/**
 * How a {@link MockTokenPayServer} misbehaves: faults for the next request, the next
 * request of an operation, every request about a payout or a random share of requests,
 * and TokenPay's rate limit.
 *
 * @author TokenPay Spring Boot team
 */
public final class MockFaults {

	private final FaultPlan plan;

	private final MockRoutes routes;

	private final RateLimitWindow rateLimit;

	MockFaults(FaultPlan plan, MockRoutes routes, RateLimitWindow rateLimit) {
		this.plan = plan;
		this.routes = routes;
		this.rateLimit = rateLimit;
	}

	/**
	 * Misbehave on the next request that no payout or operation fault takes. Faults queue
	 * up in order.
	 * @param fault the misbehaviour
	 * @return these faults
	 */
	public MockFaults enqueue(Fault fault) {
		Assert.notNull(fault, "Fault must not be null");
		this.plan.enqueue(fault);
		return this;
	}

	/**
	 * Misbehave on the next request of an operation. Faults queue up in order.
	 * @param operation the operation name, such as {@code create-payout}
	 * @param fault the misbehaviour
	 * @return these faults
	 * @throws IllegalArgumentException if the server does not know the operation
	 */
	public MockFaults enqueueFor(String operation, Fault fault) {
		Assert.notNull(fault, "Fault must not be null");
		this.routes.checkKnown(operation);
		this.plan.enqueueFor(operation, fault);
		return this;
	}

	/**
	 * Misbehave on every request about a payout until {@link #clear()}: a request whose
	 * payout id, {@code transaction_id} or {@code out_trade_no} is the given id.
	 * @param payoutId the payout's transaction id or order number
	 * @param fault the misbehaviour
	 * @return these faults
	 */
	public MockFaults injectForPayout(String payoutId, Fault fault) {
		Assert.notNull(fault, "Fault must not be null");
		this.plan.injectForPayout(payoutId, fault);
		return this;
	}

	/**
	 * Misbehave at random on a share of requests, reproducibly for a seed.
	 * @param rate the share of requests, between 0 and 1
	 * @param seed the seed of the random choice
	 * @param faults the faults to choose from
	 * @return these faults
	 */
	public MockFaults injectRandomly(double rate, long seed, Fault... faults) {
		Assert.isTrue(rate >= 0 && rate <= 1, "Rate must be between 0 and 1");
		Assert.notEmpty(faults, "Faults must not be empty");
		this.plan.injectRandomly(rate, seed, List.of(faults));
		return this;
	}

	/**
	 * Forget every queued, per-operation, per-payout and random fault.
	 * @return these faults
	 */
	public MockFaults clear() {
		this.plan.clear();
		return this;
	}

	/**
	 * Refuse more than {@value MockTokenPayServer#RATE_LIMIT_PER_SECOND} requests per
	 * second per app id with code 11001, as TokenPay documents.
	 * @param enforced whether to enforce the limit
	 * @return these faults
	 */
	public MockFaults enforceRateLimit(boolean enforced) {
		this.rateLimit.enforce(enforced);
		return this;
	}

}
