package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.organizationsgateway.organization.EntryStore.Entry;
import com.organizationsgateway.organization.EntryStore.Stale;
import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

/**
 * The read cache: one entry per organization under its WorkOS id, with its external id a
 * secondary key pointing at it (Caffeine's {@code IndexedCache} example), so that
 * dropping it by either key drops both; list pages are entries of their own. An entry is
 * fresh for its time to live, then kept to answer only while the upstream fails.
 * <p>
 * Every write bumps an epoch, and a load that began before a write never publishes its
 * value: not under any key, not as a stale copy, not to a reader that came after.
 */
final class OrganizationCache {

	private final EntryStore<String, WorkOsOrganization> organizations;

	/** External id to WorkOS id: a hint, trusted only when the entry's value agrees. */
	private final Map<String, String> ids = new ConcurrentHashMap<>();

	private final EntryStore<ListOrganizationsRequest, WorkOsOrganizationList> pages;

	private final Duration peerOutageTtl;

	private final List<OrganizationCacheListener> listeners;

	/** Bumped by every write under this cache's lock, which a publication holds too. */
	private volatile long epoch;

	OrganizationCache(CacheProperties properties, Ticker ticker, List<OrganizationCacheListener> listeners) {
		this.organizations = new EntryStore<>(ticker, properties.organizationTtl(), properties.staleIfError(),
				properties.maxSize(), this::unindex);
		this.pages = new EntryStore<>(ticker, properties.listTtl(), properties.staleIfError(), properties.maxSize(),
				(request, page) -> {
				});
		this.peerOutageTtl = properties.peerOutageTtl();
		this.listeners = List.copyOf(listeners);
		restoreLifetimes();
	}

	/** The organization under this key, from the cache or else from {@code loader}. */
	Mono<WorkOsOrganization> get(OrganizationKey key, Function<String, Mono<WorkOsOrganization>> loader) {
		return Mono.defer(() -> {
			WorkOsOrganization cached = fresh(key);
			return (cached != null) ? Mono.just(cached)
					: this.organizations.load(key, this.epoch, () -> loader.apply(key.value()), this::publish);
		});
	}

	/** A list page, from the cache or else from {@code loader}. */
	Mono<WorkOsOrganizationList> getPage(ListOrganizationsRequest request,
			Function<ListOrganizationsRequest, Mono<WorkOsOrganizationList>> loader) {
		return Mono.defer(() -> {
			WorkOsOrganizationList cached = freshPage(request);
			return (cached != null) ? Mono.just(cached) : this.pages.load(request, this.epoch,
					() -> loader.apply(request), (page) -> publish(request, page));
		});
	}

	/**
	 * The page for this request if it is fresh here, else null: as {@link #fresh}, for
	 * lists.
	 */
	@Nullable WorkOsOrganizationList freshPage(ListOrganizationsRequest request) {
		return this.pages.fresh(page(request));
	}

	/**
	 * The organization under this key if it is fresh here, else null: the warm read, with
	 * no lock or allocation. A hit counts; a miss is left to the load that follows.
	 */
	@Nullable WorkOsOrganization fresh(OrganizationKey key) {
		return this.organizations.fresh(entry(key));
	}

	/** The organization under this key within its grace, for when the upstream fails. */
	@Nullable Stale<WorkOsOrganization> stale(OrganizationKey key) {
		return this.organizations.stale(entry(key));
	}

	/** A list page within its grace, for when the upstream fails. */
	@Nullable Stale<WorkOsOrganizationList> stalePage(ListOrganizationsRequest request) {
		return this.pages.stale(page(request));
	}

	/** The organization with this id as last loaded, fresh or stale, without any call. */
	@Nullable WorkOsOrganization peek(String id) {
		Entry<WorkOsOrganization> entry = this.organizations.entries().get(id);
		return (entry != null) ? entry.value() : null;
	}

	/**
	 * Forgets what a write may have changed: the organization under every key it had,
	 * whatever held one of these external ids (old and new), and every page. Called after
	 * the upstream acknowledged the write and before the client hears of it.
	 */
	void invalidate(@Nullable String id, Collection<String> externalIds) {
		synchronized (this) {
			this.epoch++;
			drop(id);
			externalIds.forEach((externalId) -> drop(this.ids.remove(externalId)));
		}
		invalidated();
	}

	/** Forgets everything, for when changes may have been missed. */
	void invalidateAll() {
		synchronized (this) {
			this.epoch++;
			this.organizations.invalidateAll();
			this.ids.clear();
			this.pages.invalidateAll();
		}
		invalidated();
	}

	/**
	 * Entries, cached ones included, stay fresh for at most the peer-outage time to live:
	 * without other instances' invalidations, only that bounds how long their writes go
	 * unseen here.
	 */
	void shortenLifetimes() {
		setLifetimes(this.peerOutageTtl);
	}

	void restoreLifetimes() {
		setLifetimes(ChronoUnit.FOREVER.getDuration());
	}

	/** Publishes both stores' statistics as {@code cache.*} meters. */
	void bindTo(MeterRegistry registry) {
		this.organizations.bindTo(registry, "organizations");
		this.pages.bindTo(registry, "organization-pages");
	}

	/**
	 * Stores a loaded organization under its keys, unless a write came since its load
	 * began.
	 */
	private synchronized void publish(Entry<WorkOsOrganization> entry) {
		String id = entry.value().id();
		String externalId = entry.value().externalId();
		if (entry.epoch() == this.epoch) {
			if (externalId != null) {
				this.ids.put(externalId, id);
			}
			Entry<WorkOsOrganization> replaced = this.organizations.entries().put(id, entry);
			if (replaced != null && !Objects.equals(replaced.value().externalId(), externalId)) {
				unindex(id, replaced);
			}
		}
	}

	/** As {@link #publish(Entry)}, for a page. */
	private synchronized void publish(ListOrganizationsRequest request, Entry<WorkOsOrganizationList> page) {
		if (page.epoch() == this.epoch) {
			this.pages.entries().put(request, page);
		}
	}

	private void drop(@Nullable String id) {
		Entry<WorkOsOrganization> dropped = (id != null) ? this.organizations.entries().remove(id) : null;
		if (dropped != null) {
			unindex(id, dropped);
		}
	}

	private void unindex(String id, Entry<WorkOsOrganization> entry) {
		if (entry.value().externalId() != null) {
			this.ids.remove(entry.value().externalId(), id);
		}
	}

	private @Nullable Entry<WorkOsOrganization> entry(OrganizationKey key) {
		if (key instanceof OrganizationKey.ById) {
			return this.organizations.entries().get(key.value());
		}
		String id = this.ids.get(key.value());
		Entry<WorkOsOrganization> entry = (id != null) ? this.organizations.entries().get(id) : null;
		// The index may lag a change made outside this gateway: only a match counts.
		return (entry != null && key.value().equals(entry.value().externalId())) ? entry : null;
	}

	/** A page counts only in the epoch its load began in: any write drops them all. */
	private @Nullable Entry<WorkOsOrganizationList> page(ListOrganizationsRequest request) {
		Entry<WorkOsOrganizationList> entry = this.pages.entries().get(request);
		return (entry != null && entry.epoch() == this.epoch) ? entry : null;
	}

	/** Tells the listeners too, so that nothing derived from entries outlives them. */
	private void setLifetimes(Duration max) {
		Duration organizations = this.organizations.limitLifetime(max);
		Duration pages = this.pages.limitLifetime(max);
		Duration shortest = (organizations.compareTo(pages) <= 0) ? organizations : pages;
		this.listeners.forEach((listener) -> listener.lifetimeChanged(shortest));
		invalidated();
	}

	/** Tells the listeners, after the cache itself has forgotten. */
	private void invalidated() {
		this.listeners.forEach(OrganizationCacheListener::organizationsInvalidated);
	}

}
