package com.organizationsgateway.organization;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.sun.management.ThreadMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.organizationsgateway.TestProperties;
import com.organizationsgateway.workos.ListOrder;
import com.organizationsgateway.workos.ListOrganizationsRequest;
import com.organizationsgateway.workos.WorkOsException;
import com.organizationsgateway.workos.WorkOsOrganization;
import com.organizationsgateway.workos.WorkOsOrganizationList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The read cache on a fake clock: expiry, the id/external-id index, invalidation,
 * coalescing, and that neither failures nor loads overtaken by a write are cached.
 */
class OrganizationCacheTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AtomicLong nanos = new AtomicLong();

	private final OrganizationCache cache = new OrganizationCache(TestProperties.bind(CacheProperties.class),
			this.nanos::get, List.of());

	private final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void anOrganizationExpiresAfterItsTimeToLive() {
		CountingLoader loader = new CountingLoader((id) -> Mono.just(TestOrganizations.organization(id)));
		String id = TestOrganizations.newId();
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		advance(Duration.ofSeconds(59));
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(loader.calls.get()).isEqualTo(1);
		advance(Duration.ofSeconds(2));
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(loader.calls.get()).isEqualTo(2);
	}

	@Test
	void oneEntryIsReachableByIdAndByExternalId() {
		String id = TestOrganizations.newId();
		CountingLoader byId = new CountingLoader((key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-a")));
		CountingLoader byExternalId = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-a")));
		assertThat(this.cache.get(externalIdKey("ext-a"), byExternalId).block(TIMEOUT).id()).isEqualTo(id);
		assertThat(this.cache.get(idKey(id), byId).block(TIMEOUT).externalId()).isEqualTo("ext-a");
		assertThat(this.cache.get(externalIdKey("ext-a"), byExternalId).block(TIMEOUT).id()).isEqualTo(id);
		assertThat(byId.calls.get()).isZero();
		assertThat(byExternalId.calls.get()).isEqualTo(1);
	}

	@Test
	void aLoadByIdAlsoServesTheExternalId() {
		String id = TestOrganizations.newId();
		CountingLoader byId = new CountingLoader((key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-b")));
		CountingLoader byExternalId = new CountingLoader((key) -> Mono.error(new AssertionError("not expected")));
		this.cache.get(idKey(id), byId).block(TIMEOUT);
		assertThat(this.cache.get(externalIdKey("ext-b"), byExternalId).block(TIMEOUT).id()).isEqualTo(id);
		assertThat(byExternalId.calls.get()).isZero();
	}

	@Test
	void invalidatingByIdDropsBothKeys() {
		String id = TestOrganizations.newId();
		CountingLoader loader = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-c")));
		this.cache.get(externalIdKey("ext-c"), loader).block(TIMEOUT);
		this.cache.invalidate(id, List.of());
		this.cache.get(externalIdKey("ext-c"), loader).block(TIMEOUT);
		this.cache.invalidate(id, List.of());
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(loader.calls.get()).isEqualTo(3);
	}

	@Test
	void invalidatingByExternalIdDropsBothKeys() {
		String id = TestOrganizations.newId();
		CountingLoader loader = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-d")));
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		this.cache.invalidate(null, List.of("ext-d"));
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(loader.calls.get()).isEqualTo(2);
	}

	@Test
	void aStaleIndexEntryIsNotTrusted() {
		String id = TestOrganizations.newId();
		// The organization's external id changed outside the gateway since it was cached.
		CountingLoader loader = new CountingLoader((key) -> Mono.just(TestOrganizations.organization(id, "A", "old")));
		this.cache.get(externalIdKey("old"), loader).block(TIMEOUT);
		advance(Duration.ofSeconds(61));
		CountingLoader renamed = new CountingLoader((key) -> Mono.just(TestOrganizations.organization(id, "A", "new")));
		this.cache.get(idKey(id), renamed).block(TIMEOUT);
		CountingLoader byOld = new CountingLoader((key) -> Mono.error(notFound()));
		assertThatExceptionOfType(WorkOsException.NotFound.class)
			.isThrownBy(() -> this.cache.get(externalIdKey("old"), byOld).block(TIMEOUT));
		assertThat(byOld.calls.get()).isEqualTo(1);
	}

	@Test
	void aLoadByIdOvertakenByAWriteIsNotCached() {
		String id = TestOrganizations.newId();
		Sinks.One<WorkOsOrganization> slow = Sinks.one();
		CountingLoader stale = new CountingLoader((key) -> slow.asMono());
		Mono<WorkOsOrganization> before = this.cache.get(idKey(id), stale).cache();
		before.subscribe();
		this.cache.invalidate(id, List.of());
		slow.tryEmitValue(TestOrganizations.organization(id, "Stale", "ext-e"));
		assertThat(before.block(TIMEOUT).name()).isEqualTo("Stale");
		CountingLoader fresh = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "Fresh", "ext-e")));
		assertThat(this.cache.get(idKey(id), fresh).block(TIMEOUT).name()).isEqualTo("Fresh");
		assertThat(this.cache.get(externalIdKey("ext-e"), fresh).block(TIMEOUT).name()).isEqualTo("Fresh");
		assertThat(fresh.calls.get()).isEqualTo(1);
	}

	@Test
	void aLoadByExternalIdOvertakenByAWriteIsNotCached() {
		String id = TestOrganizations.newId();
		Sinks.One<WorkOsOrganization> slow = Sinks.one();
		Mono<WorkOsOrganization> before = this.cache.get(externalIdKey("ext-f"), (key) -> slow.asMono()).cache();
		before.subscribe();
		this.cache.invalidate(id, List.of("ext-f"));
		// A reader arriving after the write must not join the stale load.
		CountingLoader fresh = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "Fresh", "ext-f")));
		assertThat(this.cache.get(externalIdKey("ext-f"), fresh).block(TIMEOUT).name()).isEqualTo("Fresh");
		slow.tryEmitValue(TestOrganizations.organization(id, "Stale", "ext-f"));
		assertThat(before.block(TIMEOUT).name()).isEqualTo("Stale");
		assertThat(this.cache.get(idKey(id), fresh).block(TIMEOUT).name()).isEqualTo("Fresh");
		assertThat(this.cache.get(externalIdKey("ext-f"), fresh).block(TIMEOUT).name()).isEqualTo("Fresh");
		assertThat(fresh.calls.get()).isEqualTo(1);
	}

	@Test
	void failedLoadsAreNotCached() {
		String id = TestOrganizations.newId();
		AtomicInteger attempt = new AtomicInteger();
		CountingLoader loader = new CountingLoader((key) -> (attempt.incrementAndGet() == 1) ? Mono.error(notFound())
				: Mono.just(TestOrganizations.organization(id)));
		assertThatExceptionOfType(WorkOsException.NotFound.class)
			.isThrownBy(() -> this.cache.get(idKey(id), loader).block(TIMEOUT));
		assertThat(this.cache.get(idKey(id), loader).block(TIMEOUT).id()).isEqualTo(id);
		attempt.set(0);
		assertThatExceptionOfType(WorkOsException.NotFound.class)
			.isThrownBy(() -> this.cache.get(externalIdKey("ext-g"), loader).block(TIMEOUT));
		assertThat(this.cache.get(externalIdKey("ext-g"), loader).block(TIMEOUT).id()).isEqualTo(id);
		assertThat(loader.calls.get()).isEqualTo(4);
	}

	@Test
	void fiftyConcurrentColdReadsOfOneIdCostOneLoad() throws Exception {
		assertCoalesced((id, loader) -> this.cache.get(idKey(id), loader));
	}

	@Test
	void fiftyConcurrentColdReadsOfOneExternalIdCostOneLoad() throws Exception {
		assertCoalesced((id, loader) -> this.cache.get(externalIdKey("ext-" + id), loader));
	}

	@Test
	void listPagesExpireSoonerAndAnyWriteDropsThem() {
		ListOrganizationsRequest request = new ListOrganizationsRequest(null, "x", 10, ListOrder.DESC, null, null);
		AtomicInteger calls = new AtomicInteger();
		Function<ListOrganizationsRequest, Mono<WorkOsOrganizationList>> loader = (key) -> {
			calls.incrementAndGet();
			return Mono.just(new WorkOsOrganizationList(List.of(), null));
		};
		this.cache.getPage(request, loader).block(TIMEOUT);
		advance(Duration.ofSeconds(4));
		this.cache.getPage(request, loader).block(TIMEOUT);
		assertThat(calls.get()).isEqualTo(1);
		advance(Duration.ofSeconds(2));
		this.cache.getPage(request, loader).block(TIMEOUT);
		assertThat(calls.get()).isEqualTo(2);
		this.cache.invalidate(TestOrganizations.newId(), List.of());
		this.cache.getPage(request, loader).block(TIMEOUT);
		assertThat(calls.get()).isEqualTo(3);
	}

	@Test
	void aPageLoadOvertakenByAWriteIsNeitherCachedNorJoinedNorKeptStale() {
		ListOrganizationsRequest request = new ListOrganizationsRequest(null, "epoch", 10, ListOrder.DESC, null, null);
		Sinks.One<WorkOsOrganizationList> slow = Sinks.one();
		Mono<WorkOsOrganizationList> before = this.cache.getPage(request, (key) -> slow.asMono()).cache();
		before.subscribe();
		this.cache.invalidate(TestOrganizations.newId(), List.of());
		// A reader arriving after the write must not join the load that began before it.
		WorkOsOrganizationList fresh = new WorkOsOrganizationList(List.of(TestOrganizations.organization("org_x")),
				null);
		AtomicInteger calls = new AtomicInteger();
		Function<ListOrganizationsRequest, Mono<WorkOsOrganizationList>> loader = (key) -> {
			calls.incrementAndGet();
			return Mono.just(fresh);
		};
		assertThat(this.cache.getPage(request, loader).block(TIMEOUT)).isSameAs(fresh);
		slow.tryEmitValue(new WorkOsOrganizationList(List.of(), null));
		assertThat(before.block(TIMEOUT).data()).isEmpty();
		assertThat(this.cache.getPage(request, loader).block(TIMEOUT)).isSameAs(fresh);
		assertThat(calls).hasValue(1);
		advance(Duration.ofSeconds(6));
		assertThat(this.cache.stalePage(request).value()).isSameAs(fresh);
	}

	@Test
	void invalidatingANewExternalIdDropsTheOrganizationThatHeldItAndTheOldOneOfTheWrittenOrganization() {
		String written = TestOrganizations.newId();
		String holder = TestOrganizations.newId();
		CountingLoader loader = new CountingLoader(
				(key) -> Mono.just(key.equals(written) ? TestOrganizations.organization(written, "W", "ext-old")
						: TestOrganizations.organization(holder, "H", "ext-new")));
		this.cache.get(idKey(written), loader).block(TIMEOUT);
		this.cache.get(idKey(holder), loader).block(TIMEOUT);
		// An update of "written" from ext-old to ext-new, which "holder" had until then.
		this.cache.invalidate(written, List.of("ext-old", "ext-new"));
		assertThat(this.cache.fresh(idKey(written))).isNull();
		assertThat(this.cache.fresh(idKey(holder))).isNull();
		assertThat(this.cache.fresh(externalIdKey("ext-old"))).isNull();
		assertThat(this.cache.fresh(externalIdKey("ext-new"))).isNull();
		assertThat(this.cache.stale(idKey(written))).isNull();
		assertThat(this.cache.stale(idKey(holder))).isNull();
		assertThat(this.cache.peek(written)).isNull();
	}

	@Test
	void aReaderThatCancelsLeavesTheSharedLoadToTheOthers() {
		String id = TestOrganizations.newId();
		Sinks.One<WorkOsOrganization> slow = Sinks.one();
		AtomicInteger cancelled = new AtomicInteger();
		CountingLoader loader = new CountingLoader((key) -> slow.asMono().doOnCancel(cancelled::incrementAndGet));
		this.cache.get(idKey(id), loader).subscribe().dispose();
		Mono<WorkOsOrganization> other = this.cache.get(idKey(id), loader).cache();
		other.subscribe();
		slow.tryEmitValue(TestOrganizations.organization(id, "Shared", null));
		assertThat(other.block(TIMEOUT).name()).isEqualTo("Shared");
		assertThat(cancelled).hasValue(0);
		assertThat(loader.calls).hasValue(1);
		assertThat(this.cache.fresh(idKey(id)).name()).isEqualTo("Shared");
	}

	@Test
	void listenersHearOfAWriteOnlyOnceTheCacheHasForgottenAndOfEveryLifetime() {
		String id = TestOrganizations.newId();
		AtomicReference<OrganizationCache> cache = new AtomicReference<>();
		List<String> heard = new ArrayList<>();
		OrganizationCacheListener listener = new OrganizationCacheListener() {

			@Override
			public void organizationsInvalidated() {
				heard.add("invalidated, still cached: " + (cache.get() != null && cache.get().peek(id) != null));
			}

			@Override
			public void lifetimeChanged(Duration shortest) {
				heard.add("lifetime " + shortest);
			}

		};
		cache.set(new OrganizationCache(new CacheProperties(Duration.ofSeconds(60), Duration.ofSeconds(10), 100,
				Duration.ofMinutes(5), Duration.ofSeconds(2)), this.nanos::get, List.of(listener)));
		assertThat(heard).containsExactly("lifetime PT10S", "invalidated, still cached: false");
		heard.clear();
		cache.get().get(idKey(id), (key) -> Mono.just(TestOrganizations.organization(id))).block(TIMEOUT);
		cache.get().invalidate(id, List.of());
		cache.get().shortenLifetimes();
		cache.get().restoreLifetimes();
		assertThat(heard).containsExactly("invalidated, still cached: false", "lifetime PT2S",
				"invalidated, still cached: false", "lifetime PT10S", "invalidated, still cached: false");
	}

	@Test
	void aWarmReadAllocatesNothing() {
		String id = TestOrganizations.newId();
		this.cache.get(idKey(id), (key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-" + id)))
			.block(TIMEOUT);
		OrganizationKey byId = idKey(id);
		OrganizationKey byExternalId = externalIdKey("ext-" + id);
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 20_000; i++) {
			this.cache.fresh(byId);
			this.cache.fresh(byExternalId);
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < 100_000; i++) {
			if (this.cache.fresh(byId) == null || this.cache.fresh(byExternalId) == null) {
				throw new AssertionError("a miss");
			}
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		// 200,000 reads: anything allocated per read would be megabytes.
		assertThat(allocated).isLessThan(64 * 1024);
	}

	@Test
	void statisticsArePublishedAsCacheMeters() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.cache.bindTo(registry);
		String id = TestOrganizations.newId();
		CountingLoader loader = new CountingLoader((key) -> Mono.just(TestOrganizations.organization(id)));
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(
				registry.get("cache.gets").tag("cache", "organizations").tag("result", "hit").functionCounter().count())
			.isEqualTo(1.0);
		assertThat(registry.get("cache.gets")
			.tag("cache", "organizations")
			.tag("result", "miss")
			.functionCounter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void theWarmReadShortcutAnswersOnlyLoadedFreshEntriesAndCountsEachGetOnce() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.cache.bindTo(registry);
		String id = TestOrganizations.newId();
		CountingLoader loader = new CountingLoader(
				(key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-" + id)));
		assertThat(this.cache.fresh(idKey(id))).isNull();
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		assertThat(this.cache.fresh(idKey(id)).name()).isEqualTo("A");
		assertThat(this.cache.fresh(externalIdKey("ext-" + id)).id()).isEqualTo(id);
		advance(Duration.ofSeconds(61));
		assertThat(this.cache.fresh(idKey(id))).isNull();
		assertThat(this.cache.fresh(externalIdKey("ext-" + id))).isNull();
		// the shortcut's two hits; its misses leave the counting to the load
		assertThat(gets(registry, "hit")).isEqualTo(2.0);
		assertThat(gets(registry, "miss")).isEqualTo(1.0);
		this.cache.get(idKey(id), loader).block(TIMEOUT);
		this.cache.invalidate(id, List.of());
		assertThat(this.cache.fresh(idKey(id))).isNull();
		assertThat(loader.calls.get()).isEqualTo(2);
	}

	private static double gets(SimpleMeterRegistry registry, String result) {
		return registry.get("cache.gets").tag("cache", "organizations").tag("result", result).functionCounter().count();
	}

	private void assertCoalesced(CacheRead read) throws Exception {
		String id = TestOrganizations.newId();
		Sinks.One<WorkOsOrganization> slow = Sinks.one();
		CountingLoader loader = new CountingLoader((key) -> slow.asMono());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Mono<WorkOsOrganization>>> reads = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			reads.add(this.pool.submit(() -> {
				start.await();
				Mono<WorkOsOrganization> result = read.apply(id, loader).cache();
				result.subscribe();
				return result;
			}));
		}
		start.countDown();
		List<Mono<WorkOsOrganization>> pending = new ArrayList<>();
		for (Future<Mono<WorkOsOrganization>> future : reads) {
			pending.add(future.get(5, TimeUnit.SECONDS));
		}
		// Every read is waiting now; only then does the upstream answer.
		slow.tryEmitValue(TestOrganizations.organization(id, "Shared", "ext-" + id));
		for (Mono<WorkOsOrganization> result : pending) {
			assertThat(result.block(TIMEOUT).name()).isEqualTo("Shared");
		}
		assertThat(loader.calls.get()).isEqualTo(1);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private static WorkOsException notFound() {
		return new WorkOsException.ErrorResponse(404, null, "not found", List.of(), null, null).toException();
	}

	@FunctionalInterface
	private interface CacheRead {

		Mono<WorkOsOrganization> apply(String id, CountingLoader loader);

	}

	/** A loader that counts how often the upstream would have been called. */
	private static final class CountingLoader implements Function<String, Mono<WorkOsOrganization>> {

		final AtomicInteger calls = new AtomicInteger();

		private final Function<String, Mono<WorkOsOrganization>> delegate;

		CountingLoader(Function<String, Mono<WorkOsOrganization>> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<WorkOsOrganization> apply(String key) {
			this.calls.incrementAndGet();
			return this.delegate.apply(key);
		}

	}

	private static OrganizationKey idKey(String id) {
		return new OrganizationKey.ById(id);
	}

	private static OrganizationKey externalIdKey(String externalId) {
		return new OrganizationKey.ByExternalId(externalId);
	}

}
