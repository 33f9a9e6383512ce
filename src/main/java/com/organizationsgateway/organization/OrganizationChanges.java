package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;

/**
 * The one way in for every change to an organization or one of its domains, whether a
 * mutation here, a WorkOS webhook or another instance made it. A change is checked
 * against the changes already seen, so that a repeat or an out-of-order delivery neither
 * reaches subscribers twice nor brings back an older state: a deleted organization or
 * removed domain stays deleted (WorkOS never reuses an id), and a change older than the
 * newest {@code updated_at} seen (the organization's, or for a domain change the
 * domain's) is dropped. An accepted change makes the cache forget what it touches and
 * goes to {@link #stream()}.
 * <p>
 * What is remembered is bounded and expires; a change whose history was forgotten is
 * accepted, which costs at most one extra reload.
 */
public class OrganizationChanges {

	private static final long REMEMBERED = 100_000;

	private final OrganizationCache cache;

	private final Cache<String, Instant> newestUpdates;

	private final Cache<String, Boolean> deletions;

	private final Sinks.Many<OrganizationChange> sink = Sinks.many().multicast().directBestEffort();

	OrganizationChanges(OrganizationCache cache, Ticker ticker) {
		this.cache = cache;
		this.newestUpdates = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(Duration.ofHours(1))
			.maximumSize(REMEMBERED)
			.build();
		this.deletions = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(Duration.ofDays(1))
			.maximumSize(REMEMBERED)
			.build();
	}

	/**
	 * Applies a change: the cache forgets what it touches, and subscribers hear of it,
	 * unless it repeats or predates what was already seen. A mutation through this
	 * instance always clears the cache, so that its client reads its own write even when
	 * a webhook for it came first.
	 */
	public Outcome publish(OrganizationChange change) {
		synchronized (this.sink) {
			Outcome outcome = record(change);
			if (outcome == Outcome.ACCEPTED || change.origin() == Origin.GATEWAY) {
				this.cache.invalidate(change.organizationId(), change.externalIds());
			}
			if (outcome == Outcome.ACCEPTED) {
				// Serialised by the lock, so the emission cannot fail for concurrent use;
				// a subscriber too slow to take it misses it.
				this.sink.tryEmitNext(change);
			}
			return outcome;
		}
	}

	/**
	 * Other instances can no longer tell this one of their changes: until
	 * {@link #peersReachable()}, cached organizations and pages expire after the short
	 * peer-outage time to live ({@code gateway.cache.peer-outage-ttl}).
	 */
	public void peersUnreachable() {
		this.cache.shortenLifetimes();
	}

	/**
	 * Other instances reach this one again: changes made meanwhile may have been missed,
	 * so the whole cache is forgotten once, and the configured times to live apply again.
	 */
	public void peersReachable() {
		synchronized (this.sink) {
			this.cache.invalidateAll();
			this.cache.restoreLifetimes();
		}
	}

	/**
	 * Every accepted change from now on, hot. A subscriber that does not keep up misses
	 * changes rather than holding up the others.
	 */
	public Flux<OrganizationChange> stream() {
		return this.sink.asFlux();
	}

	private Outcome record(OrganizationChange change) {
		String id = change.organizationId();
		if (id == null || change.kind() == Kind.POSSIBLY_CHANGED) {
			return Outcome.ACCEPTED;
		}
		if (this.deletions.getIfPresent(id) != null) {
			return (change.kind() == Kind.DELETED) ? Outcome.REPEATED : Outcome.OUTDATED;
		}
		OrganizationDomainChange domain = change.domain();
		if (domain != null) {
			// Domain ids (org_domain_...) never collide with organization ids (org_...),
			// so one ledger serves both.
			return record(domain.domainId(), domain.removed(), domain.updatedAt());
		}
		return record(id, change.kind() == Kind.DELETED, change.updatedAt());
	}

	/**
	 * The ledger of one organization or domain: removed ones stay removed, and an update
	 * no newer than the newest seen is a repeat or outdated.
	 */
	private Outcome record(String id, boolean removed, @Nullable Instant updatedAt) {
		if (this.deletions.getIfPresent(id) != null) {
			return removed ? Outcome.REPEATED : Outcome.OUTDATED;
		}
		if (removed) {
			this.deletions.put(id, Boolean.TRUE);
			this.newestUpdates.invalidate(id);
			return Outcome.ACCEPTED;
		}
		if (updatedAt == null) {
			return Outcome.ACCEPTED;
		}
		Instant newest = this.newestUpdates.getIfPresent(id);
		if (newest != null && !updatedAt.isAfter(newest)) {
			return updatedAt.equals(newest) ? Outcome.REPEATED : Outcome.OUTDATED;
		}
		this.newestUpdates.put(id, updatedAt);
		return Outcome.ACCEPTED;
	}

	/** What {@link #publish} did with a change. */
	public enum Outcome {

		/** New: applied and streamed. */
		ACCEPTED,

		/** Already seen, such as a webhook for a mutation made here or a redelivery. */
		REPEATED,

		/** Older than what was seen, or about an organization since deleted. */
		OUTDATED

	}

}
