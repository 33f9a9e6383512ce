package com.organizationsgateway.organization;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
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
 * what this class publishes itself (the secondary index and external-id loads).
 */
final class OrganizationCache {

	static final String ORGANIZATIONS = "organizations";

	static final String PAGES = "organization-pages";

	private final AsyncCache<String, WorkOsOrganization> byId;

	/**
	 * External id to WorkOS id. Entries are hints: a hit is checked against the value.
	 */
	private final ConcurrentMap<String, String> idsByExternalId = new ConcurrentHashMap<>();

	/** In-flight loads by external id, so that concurrent misses share one call. */
	private final ConcurrentMap<String, CompletableFuture<WorkOsOrganization>> externalIdLoads = new ConcurrentHashMap<>();

	private final AsyncCache<ListOrganizationsRequest, WorkOsOrganizationList> pages;

	/** Guards {@link #epoch} together with what is published under it. */
	private final Object writeLock = new Object();

	private volatile long epoch;

	OrganizationCache(CacheProperties properties, Ticker ticker) {
		// Every callback is cheap, so running it on the calling thread keeps the cache
		// deterministic without a pool.
		this.byId = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.organizationTtl())
			.maximumSize(properties.maximumSize())
			.evictionListener(this::unindex)
			.recordStats()
			.buildAsync();
		this.pages = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(properties.listTtl())
			.maximumSize(properties.maximumSize())
			.recordStats()
			.buildAsync();
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
				// an
				// invalidation holds while it waits for Caffeine.
				future.thenAccept((organization) -> index(organization, startEpoch));
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
			loader.apply(externalId).toFuture().whenComplete((organization, ex) -> {
				if (organization != null) {
					publish(organization, startEpoch);
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
		return Mono.defer(() -> shared(this.pages.get(request, (key, executor) -> loader.apply(key).toFuture())));
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
			// Their callers still get an answer, but nobody joins or publishes it any
			// more.
			this.externalIdLoads.clear();
			this.pages.synchronous().invalidateAll();
		}
	}

	/** Publishes Caffeine's statistics of both caches as {@code cache.*} meters. */
	void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.byId, ORGANIZATIONS);
		CaffeineCacheMetrics.monitor(registry, this.pages, PAGES);
	}

	private @Nullable WorkOsOrganization cachedByExternalId(String externalId) {
		String id = this.idsByExternalId.get(externalId);
		if (id == null) {
			return null;
		}
		CompletableFuture<WorkOsOrganization> future = this.byId.getIfPresent(id);
		if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
			return null;
		}
		WorkOsOrganization organization = future.join();
		// The index may lag behind a change made outside this gateway; trust only a
		// match.
		return externalId.equals(organization.externalId()) ? organization : null;
	}

	/**
	 * Stores a value loaded outside Caffeine, unless a write happened since the load
	 * began.
	 */
	private void publish(WorkOsOrganization organization, long startEpoch) {
		synchronized (this.writeLock) {
			if (this.epoch != startEpoch) {
				return;
			}
			this.byId.put(organization.id(), CompletableFuture.completedFuture(organization));
			if (organization.externalId() != null) {
				this.idsByExternalId.put(organization.externalId(), organization.id());
			}
		}
	}

	private void index(WorkOsOrganization organization, long startEpoch) {
		if (organization.externalId() == null) {
			return;
		}
		synchronized (this.writeLock) {
			if (this.epoch == startEpoch) {
				this.idsByExternalId.put(organization.externalId(), organization.id());
			}
		}
	}

	private void unindex(@Nullable String id, @Nullable WorkOsOrganization organization, RemovalCause cause) {
		if (id != null && organization != null && organization.externalId() != null) {
			this.idsByExternalId.remove(organization.externalId(), id);
		}
	}

	/** Subscribers that cancel must not cancel a load other callers share. */
	private static <T> Mono<T> shared(CompletableFuture<T> future) {
		return Mono.fromFuture(future, true);
	}

}
