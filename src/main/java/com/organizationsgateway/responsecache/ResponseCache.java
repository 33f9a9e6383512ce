package com.organizationsgateway.responsecache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.organization.OrganizationCacheListener;

/**
 * Responses by request key, each valid in the generation it was computed in. Every
 * invalidation of the organization cache starts a new generation, so a response that
 * might hold data the gateway has since learned to be outdated is never replayed, not
 * even one whose computation was still running when the change came in. A response is
 * kept for the configured time to live, at most as long as the organization cache keeps
 * anything: it can add that much to how late a change the gateway is not told of is seen.
 */
final class ResponseCache implements OrganizationCacheListener {

	static final String NAME = "graphql-responses";

	private final Cache<String, CachedResponse> responses;

	private final AtomicLong generation = new AtomicLong();

	private final Duration ttl;

	private final Ticker ticker;

	/** How long a response is kept from now on. */
	private volatile Duration lifetime;

	ResponseCache(ResponseCacheProperties properties, Ticker ticker) {
		this.ttl = properties.ttl();
		this.ticker = ticker;
		this.lifetime = this.ttl;
		this.responses = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfter(Expiry.<String, CachedResponse>writing((key, response) -> remainingLifetime(response)))
			.maximumWeight(properties.maxTotalSize().toBytes())
			.weigher((String key, CachedResponse response) -> key.length() + response.body().length)
			.recordStats()
			.build();
	}

	/** The generation a response computed from now on belongs to. */
	long generation() {
		return this.generation.get();
	}

	/**
	 * What the cache's clock reads now; a response is kept as of when its computation
	 * began.
	 */
	long now() {
		return this.ticker.read();
	}

	/**
	 * The response kept under this key, if it is still of the current generation; null if
	 * there is none, or if this caller is the one to compute its successor. In the second
	 * half of a response's lifetime, the first request for it is let through to run (and
	 * keep its response), while the others are still answered with the kept one: a busy
	 * response is replaced before it expires, instead of every waiting request running at
	 * once when it does.
	 */
	@Nullable CachedResponse replayable(String key) {
		CachedResponse response = this.responses.getIfPresent(key);
		if (response == null || response.generation() != this.generation.get()) {
			return null;
		}
		boolean dueForRefresh = this.ticker.read() - response.keptAt() >= this.lifetime.toNanos() / 2;
		return (dueForRefresh && response.refreshing().compareAndSet(false, true)) ? null : response;
	}

	/**
	 * Keeps a response, unless its generation has passed; checked again after storing, so
	 * that an invalidation racing with the store cannot leave it behind.
	 */
	void put(String key, CachedResponse response) {
		if (response.generation() != this.generation.get()) {
			return;
		}
		this.responses.put(key, response);
		if (response.generation() != this.generation.get()) {
			this.responses.asMap().remove(key, response);
		}
	}

	@Override
	public void organizationsInvalidated() {
		this.generation.incrementAndGet();
		this.responses.invalidateAll();
	}

	private Duration remainingLifetime(CachedResponse response) {
		Duration remaining = this.lifetime.minusNanos(this.ticker.read() - response.keptAt());
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	/**
	 * Keeps responses no longer than the organization cache keeps what they were computed
	 * from.
	 */
	@Override
	public void lifetimeChanged(Duration shortest) {
		this.lifetime = (shortest.compareTo(this.ttl) < 0) ? shortest : this.ttl;
	}

	/** Publishes Caffeine's statistics as {@code cache.*} meters. */
	void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.responses, NAME);
	}

}
