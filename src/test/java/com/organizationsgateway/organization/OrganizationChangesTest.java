package com.organizationsgateway.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import com.organizationsgateway.TestProperties;
import com.organizationsgateway.organization.OrganizationChange.Kind;
import com.organizationsgateway.organization.OrganizationChange.Origin;
import com.organizationsgateway.organization.OrganizationChanges.Outcome;
import com.organizationsgateway.workos.WorkOsOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeats and out-of-order changes, whatever their origin: what reaches the stream and
 * what the cache forgets.
 */
class OrganizationChangesTest {

	private static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");

	private static final Instant T2 = T1.plusSeconds(1);

	private final AtomicLong nanos = new AtomicLong();

	private final OrganizationCache cache = new OrganizationCache(TestProperties.bind(CacheProperties.class),
			this.nanos::get, List.of());

	private final OrganizationChanges changes = new OrganizationChanges(this.cache, this.nanos::get);

	private final List<OrganizationChange> streamed = new CopyOnWriteArrayList<>();

	private final AtomicInteger loads = new AtomicInteger();

	private final String id = TestOrganizations.newId();

	private Disposable subscription;

	@BeforeEach
	void subscribe() {
		this.subscription = this.changes.stream().subscribe(this.streamed::add);
	}

	@AfterEach
	void unsubscribe() {
		this.subscription.dispose();
	}

	@Test
	void aNewChangeIsStreamedAndForgotten() {
		read();
		assertThat(this.changes.publish(change(Kind.UPDATED, T1, Origin.WEBHOOK))).isEqualTo(Outcome.ACCEPTED);
		read();
		assertThat(this.loads).hasValue(2);
		assertThat(this.streamed).extracting(OrganizationChange::kind).containsExactly(Kind.UPDATED);
	}

	@Test
	void aRepeatIsNeitherStreamedNorForgotten() {
		this.changes.publish(change(Kind.UPDATED, T1, Origin.GATEWAY));
		read();
		assertThat(this.changes.publish(change(Kind.UPDATED, T1, Origin.WEBHOOK))).isEqualTo(Outcome.REPEATED);
		read();
		assertThat(this.loads).hasValue(1);
		assertThat(this.streamed).hasSize(1);
	}

	@Test
	void anOlderChangeArrivingLateIsDropped() {
		this.changes.publish(change(Kind.UPDATED, T2, Origin.WEBHOOK));
		assertThat(this.changes.publish(change(Kind.UPDATED, T1, Origin.WEBHOOK))).isEqualTo(Outcome.OUTDATED);
		assertThat(this.streamed).extracting(OrganizationChange::updatedAt).containsExactly(T2);
	}

	@Test
	void nothingBringsBackADeletedOrganization() {
		this.changes.publish(change(Kind.DELETED, null, Origin.WEBHOOK));
		assertThat(this.changes.publish(change(Kind.UPDATED, T2, Origin.WEBHOOK))).isEqualTo(Outcome.OUTDATED);
		assertThat(this.changes.publish(change(Kind.CREATED, T1, Origin.PEER))).isEqualTo(Outcome.OUTDATED);
		assertThat(this.changes.publish(change(Kind.DELETED, null, Origin.PEER))).isEqualTo(Outcome.REPEATED);
		assertThat(this.streamed).extracting(OrganizationChange::kind).containsExactly(Kind.DELETED);
	}

	@Test
	void aMutationHereAlwaysClearsTheCacheEvenWhenItsWebhookCameFirst() {
		this.changes.publish(change(Kind.UPDATED, T1, Origin.WEBHOOK));
		read();
		assertThat(this.changes.publish(change(Kind.UPDATED, T1, Origin.GATEWAY))).isEqualTo(Outcome.REPEATED);
		read();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void changesWithoutATimeAreAlwaysAccepted() {
		assertThat(this.changes.publish(change(Kind.UPDATED, null, Origin.WEBHOOK))).isEqualTo(Outcome.ACCEPTED);
		assertThat(this.changes.publish(change(Kind.UPDATED, null, Origin.WEBHOOK))).isEqualTo(Outcome.ACCEPTED);
		assertThat(this.changes.publish(change(Kind.POSSIBLY_CHANGED, null, Origin.GATEWAY)))
			.isEqualTo(Outcome.ACCEPTED);
		assertThat(this.streamed).hasSize(3);
	}

	@Test
	void historyIsForgottenAfterAnHourAndThenAChangeCountsAsNew() {
		this.changes.publish(change(Kind.UPDATED, T2, Origin.WEBHOOK));
		this.nanos.addAndGet(Duration.ofMinutes(61).toNanos());
		assertThat(this.changes.publish(change(Kind.UPDATED, T1, Origin.WEBHOOK))).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void whilePeersAreUnreachableEntriesLiveOnlyTheShortLifetimeAndTheirReturnFlushesOnce() {
		read();
		this.changes.peersUnreachable();
		this.nanos.addAndGet(Duration.ofSeconds(4).toNanos());
		read();
		assertThat(this.loads).as("within the 5 s peer-outage lifetime").hasValue(1);
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		read();
		assertThat(this.loads).as("past the 5 s peer-outage lifetime").hasValue(2);

		this.changes.peersReachable();
		read();
		assertThat(this.loads).as("flushed when peers are back").hasValue(3);
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		read();
		assertThat(this.loads).as("the usual 60 s lifetime again").hasValue(3);
		assertThat(this.streamed).isEmpty();
	}

	@Test
	void aDomainChangeLearntTwiceIsStreamedOnceButAlwaysClearsTheCacheOfItsOrganization() {
		read();
		assertThat(this.changes.publish(domainChange("org_domain_01A", T1, false, Origin.GATEWAY)))
			.isEqualTo(Outcome.ACCEPTED);
		read();
		assertThat(this.changes.publish(domainChange("org_domain_01A", T1, false, Origin.WEBHOOK)))
			.isEqualTo(Outcome.REPEATED);
		assertThat(this.changes.publish(domainChange("org_domain_01A", T1, false, Origin.GATEWAY)))
			.isEqualTo(Outcome.REPEATED);
		read();

		assertThat(this.loads).as("every change through this gateway clears the cache").hasValue(3);
		assertThat(this.streamed).singleElement().satisfies((change) -> {
			assertThat(change.organizationId()).isEqualTo(this.id);
			assertThat(change.kind()).isEqualTo(Kind.UPDATED);
			assertThat(change.domain().domainId()).isEqualTo("org_domain_01A");
		});
	}

	@Test
	void domainsAreOrderedByTheirOwnTimeApartFromTheOrganizationAndEachOther() {
		this.changes.publish(change(Kind.UPDATED, T2, Origin.WEBHOOK));

		assertThat(this.changes.publish(domainChange("org_domain_01A", T1, false, Origin.WEBHOOK)))
			.as("older than the organization's own change, but a domain's time")
			.isEqualTo(Outcome.ACCEPTED);
		assertThat(this.changes.publish(domainChange("org_domain_01B", T1, false, Origin.WEBHOOK)))
			.isEqualTo(Outcome.ACCEPTED);
		assertThat(this.changes.publish(domainChange("org_domain_01A", T2, true, Origin.WEBHOOK)))
			.isEqualTo(Outcome.ACCEPTED);
		assertThat(this.changes.publish(domainChange("org_domain_01A", T2.plusSeconds(1), false, Origin.PEER)))
			.as("a removed domain stays removed")
			.isEqualTo(Outcome.OUTDATED);
		assertThat(this.changes.publish(domainChange("org_domain_01A", T2, true, Origin.GATEWAY)))
			.isEqualTo(Outcome.REPEATED);
		this.changes.publish(change(Kind.DELETED, null, Origin.WEBHOOK));
		assertThat(this.changes.publish(domainChange("org_domain_01B", T2, false, Origin.WEBHOOK)))
			.as("nothing about a deleted organization")
			.isEqualTo(Outcome.OUTDATED);
		assertThat(this.streamed).hasSize(5);
	}

	private void read() {
		this.cache.get(idKey(this.id), (key) -> {
			this.loads.incrementAndGet();
			return Mono.just(TestOrganizations.organization(key));
		}).block(Duration.ofSeconds(5));
	}

	private OrganizationChange domainChange(String domainId, Instant updatedAt, boolean removed, Origin origin) {
		return OrganizationChange.ofDomain(this.id,
				new OrganizationDomainChange(domainId, "example.com", updatedAt, removed), origin);
	}

	private OrganizationChange change(Kind kind, @Nullable Instant updatedAt, Origin origin) {
		WorkOsOrganization organization = TestOrganizations.organization(this.id);
		return new OrganizationChange(this.id, kind, Set.of(), updatedAt, organization, origin);
	}

	private static OrganizationKey idKey(String id) {
		return new OrganizationKey.ById(id);
	}

	private static OrganizationKey externalIdKey(String externalId) {
		return new OrganizationKey.ByExternalId(externalId);
	}

}
