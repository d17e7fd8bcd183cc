package me.tokenpay.spring.client.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A {@link TokenPayNotificationDeduplicator} in this JVM's memory: right for one
 * instance, not for several (use a shared store then). Entries expire with their lease or
 * retention, and at most a bounded number are kept: when full, the oldest entry is
 * forgotten first. Thread-safe.
 *
 * @author TokenPay Spring Boot team
 */
public final class InMemoryNotificationDeduplicator implements TokenPayNotificationDeduplicator {

	private static final String DONE = "";

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private final int maxEntries;

	private final Clock clock;

	/**
	 * Create a deduplicator.
	 * @param maxEntries how many keys to keep at most
	 * @param clock the clock entries expire by
	 */
	public InMemoryNotificationDeduplicator(int maxEntries, Clock clock) {
		Assert.isTrue(maxEntries > 0, "Maximum entries must be positive");
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public synchronized Claim claim(String key, String owner, Duration lease) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.expiresAt().isAfter(now)) {
			return DONE.equals(entry.owner()) ? Claim.DONE : Claim.IN_PROGRESS;
		}
		put(key, new Entry(owner, now.plus(lease)), now);
		return Claim.CLAIMED;
	}

	@Override
	public synchronized void complete(String key, String owner, Duration retention) {
		Instant now = this.clock.instant();
		put(key, new Entry(DONE, now.plus(retention)), now);
	}

	@Override
	public synchronized void release(String key, String owner) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.owner().equals(owner)) {
			this.entries.remove(key);
		}
	}

	/**
	 * Return how many keys are kept, expired ones included until they are evicted.
	 * @return the number of keys
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	private void put(String key, Entry entry, Instant now) {
		this.entries.remove(key);
		this.entries.put(key, entry);
		Iterator<Entry> iterator = this.entries.values().iterator();
		while (iterator.hasNext()) {
			Entry oldest = iterator.next();
			if (this.entries.size() > this.maxEntries || !oldest.expiresAt().isAfter(now)) {
				iterator.remove();
			}
			else {
				break;
			}
		}
	}

	private record Entry(String owner, Instant expiresAt) {

	}

}
