package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

/**
 * The read cache: each organization is stored once under its WorkOS id, with its external
 * id as a secondary key pointing at that entry (Caffeine's "indexable" idea), and list
 * pages are stored separately with a short lifetime.
 * <p>
 * Concurrent misses for one key share one upstream call; failed loads, not-found ones
 * included, are never cached. Writes go through {@link #invalidate}, which bumps a write
 * epoch: a load that began before a write does not publish its possibly stale value
 * afterwards. Caffeine already drops an invalidated in-flight future; the epoch guards
 * what this class publishes itself (the secondary index, external-id loads and stale
 * copies).
 * <p>
 * Stale-if-error: every loaded value is also kept as a stale copy until its time to live
 * plus a grace period has passed, to answer reads while the upstream fails. Invalidation
 * drops the stale copies too, so a value older than an acknowledged write is never
 * served.
 */
final class OrganizationCache {

	static final String ORGANIZATIONS = "organizations";

	static final String PAGES = "organization-pages";

	private static final String ID = "id:";

	private static final String EXTERNAL_ID = "ext:";

	private final AsyncCache<String, WorkOsOrganization> byId;

	/**
	 * External id to WorkOS id. Entries are hints: a hit is checked against the value.
	 */
	private final ConcurrentMap<String, String> idsByExternalId = new ConcurrentHashMap<>();

	/** In-flight loads by external id, so that concurrent misses share one call. */
	private final ConcurrentMap<String, CompletableFuture<WorkOsOrganization>> externalIdLoads = new ConcurrentHashMap<>();

	private final AsyncCache<ListOrganizationsRequest, WorkOsOrganizationList> pages;

	/**
	 * Stale copies of organizations, under {@code id:<id>} and {@code ext:<externalId>}.
	 */
	private final Cache<String, Loaded<WorkOsOrganization>> staleOrganizations;

	private final Cache<ListOrganizationsRequest, Loaded<WorkOsOrganizationList>> stalePages;

	private final Ticker ticker;

	private final Duration organizationTtl;

	private final Duration listTtl;

	private final Duration grace;

	private final Duration peerOutageTtl;

	/** Guards {@link #epoch} together with what is published under it. */
	private final Object writeLock = new Object();

	private volatile long epoch;

	private final List<OrganizationCacheListener> listeners;

	OrganizationCache(CacheProperties properties, Ticker ticker) {
		this(properties, ticker, List.of());
	}

	OrganizationCache(CacheProperties properties, Ticker ticker, List<OrganizationCacheListener> listeners) {
		this.listeners = List.copyOf(listeners);
		// Every callback is cheap, so running it on the calling thread keeps the cache
		// deterministic without a pool.
		this.byId = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.organizationTtl())
			.maximumSize(properties.maxSize())
			.evictionListener(this::unindex)
			.recordStats()
			.buildAsync();
		this.pages = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.listTtl())
			.maximumSize(properties.maxSize())
			.recordStats()
			.buildAsync();
		this.ticker = ticker;
		this.organizationTtl = properties.organizationTtl();
		this.listTtl = properties.listTtl();
		this.grace = properties.staleIfError();
		this.peerOutageTtl = properties.peerOutageTtl();
		this.staleOrganizations = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.organizationTtl().plus(this.grace))
			.maximumSize(2 * properties.maxSize())
			.build();
		this.stalePages = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.listTtl().plus(this.grace))
			.maximumSize(properties.maxSize())
			.build();
		Duration shortest = min(this.organizationTtl, this.listTtl);
		this.listeners.forEach((listener) -> listener.lifetimeChanged(shortest));
	}

	/** The organization with this id, from the cache or else from {@code loader}. */
	Mono<WorkOsOrganization> getById(String id, Function<String, Mono<WorkOsOrganization>> loader) {
		return Mono.defer(() -> {
			long startEpoch = this.epoch;
			boolean[] started = { false };
			CompletableFuture<WorkOsOrganization> future = this.byId.get(id, (key, executor) -> {
				started[0] = true;
				return loader.apply(key).toFuture();
			});
			if (started[0]) {
				// Indexed outside Caffeine's compute: index() takes the write lock, which
				// an invalidation holds while it waits for Caffeine.
				long loadedAt = this.ticker.read();
				future.thenAccept((organization) -> index(organization, startEpoch, loadedAt));
			}
			return shared(future);
		});
	}

	/**
	 * The organization with this external id: found through the secondary index, or
	 * loaded with {@code loader} and then stored under its WorkOS id.
	 */
	Mono<WorkOsOrganization> getByExternalId(String externalId, Function<String, Mono<WorkOsOrganization>> loader) {
		return Mono.defer(() -> {
			WorkOsOrganization cached = cachedByExternalId(externalId);
			if (cached != null) {
				return Mono.just(cached);
			}
			CompletableFuture<WorkOsOrganization> promise = new CompletableFuture<>();
			CompletableFuture<WorkOsOrganization> running = this.externalIdLoads.putIfAbsent(externalId, promise);
			if (running != null) {
				return shared(running);
			}
			long startEpoch = this.epoch;
			long loadedAt = this.ticker.read();
			loader.apply(externalId).toFuture().whenComplete((organization, ex) -> {
				if (organization != null) {
					publish(organization, startEpoch, loadedAt);
				}
				this.externalIdLoads.remove(externalId, promise);
				if (ex != null) {
					promise.completeExceptionally(ex);
				}
				else if (organization == null) {
					promise.completeExceptionally(new IllegalStateException("The upstream returned no organization"));
				}
				else {
					promise.complete(organization);
				}
			});
			return shared(promise);
		});
	}

	/** A list page, from the cache or else from {@code loader}. */
	Mono<WorkOsOrganizationList> getPage(ListOrganizationsRequest request,
			Function<ListOrganizationsRequest, Mono<WorkOsOrganizationList>> loader) {
		return Mono.defer(() -> {
			long startEpoch = this.epoch;
			long loadedAt = this.ticker.read();
			boolean[] started = { false };
			CompletableFuture<WorkOsOrganizationList> future = this.pages.get(request, (key, executor) -> {
				started[0] = true;
				return loader.apply(key).toFuture();
			});
			if (started[0]) {
				// Outside Caffeine's compute, for the same reason as in getById.
				future.thenAccept((page) -> keepStalePage(request, page, startEpoch, loadedAt));
			}
			return shared(future);
		});
	}

	/**
	 * The organization with this id if the cache holds it loaded and fresh, else null. A
	 * hit counts as one in the cache statistics; a miss is left to the load that follows.
	 */
	@Nullable WorkOsOrganization freshById(String id) {
		// The map view does not count; getIfPresent then counts the hit.
		return isLoaded(this.byId.asMap().get(id)) ? loaded(this.byId.getIfPresent(id)) : null;
	}

	/**
	 * The organization with this external id if the cache holds it loaded and fresh, else
	 * null; counted as {@link #freshById} is.
	 */
	@Nullable WorkOsOrganization freshByExternalId(String externalId) {
		String id = this.idsByExternalId.get(externalId);
		if (id == null || !isLoaded(this.byId.asMap().get(id))) {
			return null;
		}
		return matching(externalId, loaded(this.byId.getIfPresent(id)));
	}

	private static boolean isLoaded(@Nullable CompletableFuture<?> future) {
		return future != null && future.isDone() && !future.isCompletedExceptionally();
	}

	private static @Nullable WorkOsOrganization loaded(@Nullable CompletableFuture<WorkOsOrganization> future) {
		return isLoaded(future) ? future.join() : null;
	}

	/**
	 * The organization with this id as last seen, cached or stale, without any upstream
	 * call.
	 */
	Optional<WorkOsOrganization> peek(String id) {
		return Optional.ofNullable(loaded(this.byId.getIfPresent(id)))
			.or(() -> Optional.ofNullable(this.staleOrganizations.getIfPresent(ID + id)).map(Loaded::value));
	}

	/**
	 * The stale copy of an organization with this id, if one is still within its grace
	 * period; for answering a read while the upstream fails.
	 */
	Optional<Stale<WorkOsOrganization>> staleById(String id) {
		return stale(this.staleOrganizations.getIfPresent(ID + id), this.organizationTtl);
	}

	/**
	 * The stale copy of the organization with this external id; see {@link #staleById}.
	 */
	Optional<Stale<WorkOsOrganization>> staleByExternalId(String externalId) {
		return stale(this.staleOrganizations.getIfPresent(EXTERNAL_ID + externalId), this.organizationTtl);
	}

	/** The stale copy of a list page; see {@link #staleById}. */
	Optional<Stale<WorkOsOrganizationList>> stalePage(ListOrganizationsRequest request) {
		return stale(this.stalePages.getIfPresent(request), this.listTtl);
	}

	/**
	 * Forgets everything a write may have changed: the organization under its id with
	 * every external id pointing at it, the given external ids (old and new), every
	 * in-flight external-id load and every list page. Call it after the upstream
	 * acknowledged the write and before the client hears of it.
	 */
	void invalidate(@Nullable String id, Collection<String> externalIds) {
		synchronized (this.writeLock) {
			this.epoch++;
			if (id != null) {
				this.byId.synchronous().invalidate(id);
				this.idsByExternalId.values().removeIf(id::equals);
			}
			for (String externalId : externalIds) {
				String indexedId = this.idsByExternalId.remove(externalId);
				if (indexedId != null) {
					this.byId.synchronous().invalidate(indexedId);
				}
			}
			// Their callers still get an answer, but nobody joins or publishes
			// it any more.
			this.externalIdLoads.clear();
			this.pages.synchronous().invalidateAll();
			dropStaleCopies(id, externalIds);
			this.stalePages.invalidateAll();
			invalidated();
		}
	}

	/**
	 * Forgets everything, stale copies included: for when changes may have been missed,
	 * such as after the link to other instances was down.
	 */
	void invalidateAll() {
		synchronized (this.writeLock) {
			this.epoch++;
			this.byId.synchronous().invalidateAll();
			this.idsByExternalId.clear();
			this.externalIdLoads.clear();
			this.pages.synchronous().invalidateAll();
			this.staleOrganizations.invalidateAll();
			this.stalePages.invalidateAll();
			invalidated();
		}
	}

	/**
	 * Serves entries for at most the peer-outage time to live, those already cached
	 * included (Caffeine measures expiry from the write): without invalidations from
	 * other instances, only expiry bounds how long their writes go unseen.
	 */
	void shortenLifetimes() {
		setLifetimes(min(this.organizationTtl, this.peerOutageTtl), min(this.listTtl, this.peerOutageTtl));
	}

	/** Back to the configured times to live; see {@link #shortenLifetimes()}. */
	void restoreLifetimes() {
		setLifetimes(this.organizationTtl, this.listTtl);
	}

	private void setLifetimes(Duration organizations, Duration pages) {
		this.byId.synchronous()
			.policy()
			.expireAfterWrite()
			.ifPresent((expiry) -> expiry.setExpiresAfter(organizations));
		this.pages.synchronous().policy().expireAfterWrite().ifPresent((expiry) -> expiry.setExpiresAfter(pages));
		Duration shortest = min(organizations, pages);
		this.listeners.forEach((listener) -> listener.lifetimeChanged(shortest));
		invalidated();
	}

	/** Tells the listeners, after the cache itself has forgotten. */
	private void invalidated() {
		for (OrganizationCacheListener listener : this.listeners) {
			listener.organizationsInvalidated();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** Publishes Caffeine's statistics of both caches as {@code cache.*} meters. */
	void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.byId, ORGANIZATIONS);
		CaffeineCacheMetrics.monitor(registry, this.pages, PAGES);
	}

	private @Nullable WorkOsOrganization cachedByExternalId(String externalId) {
		String id = this.idsByExternalId.get(externalId);
		return (id != null) ? matching(externalId, loaded(this.byId.getIfPresent(id))) : null;
	}

	/**
	 * The index may lag behind a change made outside this gateway; trust only a match.
	 */
	private static @Nullable WorkOsOrganization matching(String externalId, @Nullable WorkOsOrganization organization) {
		return (organization != null && externalId.equals(organization.externalId())) ? organization : null;
	}

	/**
	 * Stores a value loaded outside Caffeine, unless a write happened since the load
	 * began.
	 */
	private void publish(WorkOsOrganization organization, long startEpoch, long loadedAt) {
		synchronized (this.writeLock) {
			if (this.epoch != startEpoch) {
				return;
			}
			this.byId.put(organization.id(), CompletableFuture.completedFuture(organization));
			if (organization.externalId() != null) {
				this.idsByExternalId.put(organization.externalId(), organization.id());
			}
			keepStale(organization, loadedAt);
		}
	}

	private void index(WorkOsOrganization organization, long startEpoch, long loadedAt) {
		synchronized (this.writeLock) {
			if (this.epoch != startEpoch) {
				return;
			}
			if (organization.externalId() != null) {
				this.idsByExternalId.put(organization.externalId(), organization.id());
			}
			keepStale(organization, loadedAt);
		}
	}

	/** Called under the write lock, after the epoch check. */
	private void keepStale(WorkOsOrganization organization, long loadedAt) {
		if (this.grace.isZero()) {
			return;
		}
		Loaded<WorkOsOrganization> loaded = new Loaded<>(organization, loadedAt);
		this.staleOrganizations.put(ID + organization.id(), loaded);
		if (organization.externalId() != null) {
			this.staleOrganizations.put(EXTERNAL_ID + organization.externalId(), loaded);
		}
	}

	private void keepStalePage(ListOrganizationsRequest request, WorkOsOrganizationList page, long startEpoch,
			long loadedAt) {
		if (this.grace.isZero()) {
			return;
		}
		synchronized (this.writeLock) {
			if (this.epoch == startEpoch) {
				this.stalePages.put(request, new Loaded<>(page, loadedAt));
			}
		}
	}

	/**
	 * Drops every stale copy that a write to this organization may have outdated: under
	 * its id, under any of the given external ids, and any copy of an organization that
	 * held one of them.
	 */
	private void dropStaleCopies(@Nullable String id, Collection<String> externalIds) {
		Set<String> ids = new HashSet<>();
		if (id != null) {
			ids.add(id);
		}
		Set<String> keys = new HashSet<>();
		for (String externalId : externalIds) {
			keys.add(EXTERNAL_ID + externalId);
			Loaded<WorkOsOrganization> holder = this.staleOrganizations.getIfPresent(EXTERNAL_ID + externalId);
			if (holder != null) {
				ids.add(holder.value().id());
			}
		}
		this.staleOrganizations.asMap().entrySet().removeIf((entry) -> {
			WorkOsOrganization organization = entry.getValue().value();
			return ids.contains(organization.id()) || keys.contains(entry.getKey())
					|| (organization.externalId() != null && keys.contains(EXTERNAL_ID + organization.externalId()));
		});
	}

	private <T> Optional<Stale<T>> stale(@Nullable Loaded<T> loaded, Duration ttl) {
		if (loaded == null) {
			return Optional.empty();
		}
		Duration age = Duration.ofNanos(this.ticker.read() - loaded.loadedAt());
		// Caffeine's expiry is the bound in practice; this check makes it exact.
		if (age.compareTo(ttl.plus(this.grace)) > 0) {
			return Optional.empty();
		}
		return Optional.of(new Stale<>(loaded.value(), age));
	}

	private void unindex(@Nullable String id, @Nullable WorkOsOrganization organization, RemovalCause cause) {
		if (id != null && organization != null && organization.externalId() != null) {
			this.idsByExternalId.remove(organization.externalId(), id);
		}
	}

	/** A value and the ticker reading when its load began. */
	private record Loaded<T>(T value, long loadedAt) {
	}

	/**
	 * A value kept past its expiry for stale-if-error, with its age.
	 *
	 * @param value the value
	 * @param age how long ago its load began
	 * @param <T> the value's type
	 */
	record Stale<T>(T value, Duration age) {
	}

	/** Subscribers that cancel must not cancel a load other callers share. */
	private static <T> Mono<T> shared(CompletableFuture<T> future) {
		return Mono.fromFuture(future, true);
	}

}
