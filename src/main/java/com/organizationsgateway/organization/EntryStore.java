package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Loaded values in a Caffeine cache, each with the time its load began: fresh for a time
 * to live that may be shortened, then kept as a stale copy for the stale-if-error grace.
 * Concurrent loads of one key share one call, unless the one under way began in an
 * earlier write epoch than the caller (see {@link OrganizationCache}). A hit is a fresh
 * value, a miss a load; Caffeine counts the evictions.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class EntryStore<K, V> {

	private final Cache<K, Entry<V>> cache;

	/** Loads under way, by the key they were asked for. */
	private final Map<Object, Load<V>> loads = new ConcurrentHashMap<>();

	private final StatsCounter stats = new ConcurrentStatsCounter();

	private final Ticker ticker;

	private final Duration ttl;

	private final Duration grace;

	/** The time to live now, in nanoseconds. */
	private volatile long lifetime;

	EntryStore(Ticker ticker, Duration ttl, Duration grace, long maxSize, BiConsumer<K, Entry<V>> evicted) {
		this.ticker = ticker;
		this.ttl = ttl;
		this.grace = grace;
		this.lifetime = ttl.toNanos();
		// Callbacks are cheap, so they run in place.
		this.cache = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.expireAfterWrite(ttl.plus(grace))
			.maximumSize(maxSize)
			.recordStats(() -> this.stats)
			.evictionListener((K key, Entry<V> entry, RemovalCause cause) -> evicted.accept(key, entry))
			.build();
	}

	/** The entries, fresh or stale; reading them counts nothing. */
	ConcurrentMap<K, Entry<V>> entries() {
		return this.cache.asMap();
	}

	/**
	 * The entry's value if it is fresh, counted as a hit, else null; allocates nothing.
	 */
	@Nullable V fresh(@Nullable Entry<V> entry) {
		if (entry == null || this.ticker.read() - entry.loadedAt() >= this.lifetime) {
			return null;
		}
		this.stats.recordHits(1);
		return entry.value();
	}

	/**
	 * The entry's value and age while within its time to live plus the grace, else null.
	 */
	@Nullable Stale<V> stale(@Nullable Entry<V> entry) {
		Duration age = (entry != null) ? Duration.ofNanos(this.ticker.read() - entry.loadedAt()) : null;
		return (age != null && !this.grace.isZero() && age.compareTo(this.ttl.plus(this.grace)) <= 0)
				? new Stale<>(entry.value(), age) : null;
	}

	/**
	 * Keeps values fresh for at most {@code max}, cached ones included; says for how
	 * long.
	 */
	Duration limitLifetime(Duration max) {
		Duration lifetime = (max.compareTo(this.ttl) < 0) ? max : this.ttl;
		this.lifetime = lifetime.toNanos();
		return lifetime;
	}

	/**
	 * Joins the load of {@code key} under way unless it began before {@code epoch}, or
	 * starts one, which hands its value to {@code publish} before anyone else sees it. A
	 * subscriber that cancels leaves the load to the others; failures are never kept.
	 */
	Mono<V> load(Object key, long epoch, Supplier<Mono<V>> loader, Consumer<Entry<V>> publish) {
		this.stats.recordMisses(1);
		Load<V> mine = new Load<>(new CompletableFuture<>(), epoch);
		// A finished load is not joined either: it may have failed before this call.
		Load<V> load = this.loads.compute(key,
				(k, running) -> (running != null && running.epoch() >= epoch && !running.future().isDone()) ? running
						: mine);
		if (load == mine) {
			long startedAt = this.ticker.read();
			Mono.defer(loader).doFinally((signal) -> this.loads.remove(key, mine)).subscribe((value) -> {
				this.stats.recordLoadSuccess(this.ticker.read() - startedAt);
				publish.accept(new Entry<>(value, startedAt, epoch));
				mine.future().complete(value);
			}, (failure) -> {
				this.stats.recordLoadFailure(this.ticker.read() - startedAt);
				mine.future().completeExceptionally(failure);
			}, () -> mine.future().complete(null));
		}
		return Mono.fromFuture(load.future(), true);
	}

	void invalidateAll() {
		this.cache.invalidateAll();
	}

	/** Publishes the statistics as {@code cache.*} meters. */
	void bindTo(MeterRegistry registry, String name) {
		CaffeineCacheMetrics.monitor(registry, this.cache, name);
	}

	/**
	 * A loaded value.
	 *
	 * @param value the value
	 * @param loadedAt the ticker's reading when its load began, from which its age counts
	 * @param epoch the write epoch its load began in
	 * @param <V> the value's type
	 */
	record Entry<V>(V value, long loadedAt, long epoch) {
	}

	private record Load<V>(CompletableFuture<V> future, long epoch) {
	}

	/**
	 * A value kept for stale-if-error.
	 *
	 * @param value the value
	 * @param age how long ago its load began
	 * @param <V> the value's type
	 */
	record Stale<V>(V value, Duration age) {
	}

}
