package me.tokenpay.spring.test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * Which {@link Fault} the next request meets, if any: a fault for a payout it is about
 * first, then one queued for its operation, then one queued for any request, then a
 * random one.
 *
 * @author TokenPay Spring Boot team
 */
final class FaultPlan {

	private final Queue<Fault> next = new ConcurrentLinkedQueue<>();

	private final Map<String, Queue<Fault>> byOperation = new ConcurrentHashMap<>();

	private final Map<String, Fault> byPayout = new ConcurrentHashMap<>();

	private volatile @Nullable RandomFaults random;

	void enqueue(Fault fault) {
		this.next.add(fault);
	}

	void enqueueFor(String operation, Fault fault) {
		this.byOperation.computeIfAbsent(operation, (name) -> new ConcurrentLinkedQueue<>()).add(fault);
	}

	void injectForPayout(String id, Fault fault) {
		this.byPayout.put(id, fault);
	}

	void injectRandomly(double rate, long seed, List<Fault> faults) {
		this.random = new RandomFaults(rate, new Random(seed), faults);
	}

	boolean hasPayoutFaults() {
		return !this.byPayout.isEmpty();
	}

	/**
	 * Choose the fault of a request.
	 * @param operation the operation the request is for, {@code null} if none
	 * @param ids the payout ids and order numbers the request carries
	 * @return the fault or {@code null}
	 */
	@Nullable Fault choose(@Nullable String operation, Collection<String> ids) {
		for (String id : ids) {
			Fault fault = this.byPayout.get(id);
			if (fault != null) {
				return fault;
			}
		}
		Queue<Fault> operationFaults = (operation != null) ? this.byOperation.get(operation) : null;
		Fault fault = (operationFaults != null) ? operationFaults.poll() : null;
		if (fault == null) {
			fault = this.next.poll();
		}
		RandomFaults random = this.random;
		if (fault == null && random != null) {
			fault = random.next();
		}
		return fault;
	}

	void clear() {
		this.next.clear();
		this.byOperation.clear();
		this.byPayout.clear();
		this.random = null;
	}

	/**
	 * Faults injected at random on a share of requests.
	 */
	private record RandomFaults(double rate, Random random, List<Fault> faults) {

		synchronized @Nullable Fault next() {
			if (this.random.nextDouble() >= this.rate) {
				return null;
			}
			return this.faults.get(this.random.nextInt(this.faults.size()));
		}

	}

}
