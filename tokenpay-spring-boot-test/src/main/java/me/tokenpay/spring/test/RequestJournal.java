package me.tokenpay.spring.test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.util.Assert;

/**
 * Every request {@link MockTokenPayServer} received, with its verdict, oldest first.
 *
 * @author TokenPay Spring Boot team
 */
final class RequestJournal {

	private final Queue<MockTokenPayRequest> requests = new ConcurrentLinkedQueue<>();

	void record(MockTokenPayRequest request) {
		this.requests.add(request);
	}

	List<MockTokenPayRequest> requests() {
		return List.copyOf(this.requests);
	}

	MockTokenPayRequest last() {
		List<MockTokenPayRequest> all = requests();
		Assert.state(!all.isEmpty(), "The mock TokenPay server has received no request");
		return all.get(all.size() - 1);
	}

	void clear() {
		this.requests.clear();
	}

}
