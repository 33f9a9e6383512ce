package com.organizationsgateway.organization;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.organizationsgateway.workos.WorkOsOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache's stale copies on a fake clock: kept for the time to live plus the grace
 * period, reachable by id and external id, and dropped by every invalidation, including a
 * load that a write overtook.
 */
class StaleCopiesTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AtomicLong nanos = new AtomicLong();

	private final OrganizationCache cache = new OrganizationCache(new CacheProperties(Duration.ofSeconds(60),
			Duration.ofSeconds(5), 100, Duration.ofSeconds(120), Duration.ofSeconds(5)), this.nanos::get, List.of());

	@Test
	void aLoadedValueStaysAvailableStaleUntilTtlPlusGrace() {
		String id = TestOrganizations.newId();
		this.cache.get(idKey(id), (key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-s1"))).block(TIMEOUT);
		advance(Duration.ofSeconds(150));
		assertThat(this.cache.stale(idKey(id))).isNotNull().satisfies((stale) -> {
			assertThat(stale.value().name()).isEqualTo("A");
			assertThat(stale.age()).isEqualTo(Duration.ofSeconds(150));
		});
		assertThat(this.cache.stale(externalIdKey("ext-s1"))).isNotNull();
		advance(Duration.ofSeconds(31));
		assertThat(this.cache.stale(idKey(id))).isNull();
		assertThat(this.cache.stale(externalIdKey("ext-s1"))).isNull();
	}

	@Test
	void invalidationDropsStaleCopiesUnderEveryKey() {
		String id = TestOrganizations.newId();
		this.cache.get(externalIdKey("ext-s2"), (key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-s2")))
			.block(TIMEOUT);
		this.cache.invalidate(id, List.of());
		assertThat(this.cache.stale(idKey(id))).isNull();
		assertThat(this.cache.stale(externalIdKey("ext-s2"))).isNull();

		this.cache.get(idKey(id), (key) -> Mono.just(TestOrganizations.organization(id, "A", "ext-s2"))).block(TIMEOUT);
		this.cache.invalidate(null, List.of("ext-s2"));
		assertThat(this.cache.stale(idKey(id))).isNull();
		assertThat(this.cache.stale(externalIdKey("ext-s2"))).isNull();
	}

	@Test
	void aLoadOvertakenByAWriteLeavesNoStaleCopy() {
		String id = TestOrganizations.newId();
		Sinks.One<WorkOsOrganization> slow = Sinks.one();
		Mono<WorkOsOrganization> read = this.cache.get(idKey(id), (key) -> slow.asMono()).cache();
		read.subscribe();
		this.cache.invalidate(id, List.of());
		slow.tryEmitValue(TestOrganizations.organization(id, "old", null));
		read.block(TIMEOUT);
		assertThat(this.cache.stale(idKey(id))).isNull();
	}

	@Test
	void listPagesKeepStaleCopiesUntilAnyWrite() {
		var request = com.organizationsgateway.workos.ListOrganizationsRequest.firstPage();
		var page = new com.organizationsgateway.workos.WorkOsOrganizationList(List.of(), null);
		this.cache.getPage(request, (key) -> Mono.just(page)).block(TIMEOUT);
		advance(Duration.ofSeconds(100));
		assertThat(this.cache.stalePage(request)).isNotNull();
		this.cache.invalidate(null, List.of());
		assertThat(this.cache.stalePage(request)).isNull();
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private static OrganizationKey idKey(String id) {
		return new OrganizationKey.ById(id);
	}

	private static OrganizationKey externalIdKey(String externalId) {
		return new OrganizationKey.ByExternalId(externalId);
	}

}
