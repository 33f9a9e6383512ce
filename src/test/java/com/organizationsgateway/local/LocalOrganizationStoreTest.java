package com.organizationsgateway.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code updated_at} orders the store's changes: webhook consumers (the gateway's own
 * change ledger among them) take an equal one for a repeat and an older one as outdated.
 * The domain verification moves through its states as WorkOS's does, telling the listener
 * of each move and only of a move.
 */
class LocalOrganizationStoreTest {

	@Test
	void everyUpdateMovesUpdatedAtForwardEvenWithinOneMillisecond() {
		Clock stopped = Clock.fixed(Instant.parse("2026-11-28T12:00:00.123Z"), ZoneOffset.UTC);
		LocalOrganizationStore store = new LocalOrganizationStore(stopped, new Random(7), (event, organization) -> {
		});
		LocalOrganization created = store
			.create(new OrganizationDraft("Same Millisecond", List.of(), null, Map.of(), null));

		LocalOrganization first = store.update(created.id(), rename("First"));
		LocalOrganization second = store.update(created.id(), rename("Second"));

		assertThat(first.updatedAt()).isAfter(created.updatedAt());
		assertThat(second.updatedAt()).isAfter(first.updatedAt());
	}

	private static OrganizationChanges rename(String name) {
		return new OrganizationChanges(name, null, FieldChange.omitted(), FieldChange.omitted(), null);
	}

	@Test
	void anUnprovenDomainFailsOnceItsVerificationPeriodIsOverAndAVerifyRestartsIt() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
		List<String> events = new ArrayList<>();
		LocalOrganizationStore store = new LocalOrganizationStore(clock, new Random(7), new ChangeListener() {

			@Override
			public void changed(String event, LocalOrganization organization) {
				events.add(event);
			}

			@Override
			public void domainChanged(String event, LocalDomain domain, String reason) {
				events.add(event + ":" + domain.state().wireValue() + ((reason != null) ? ":" + reason : ""));
			}

		});
		String organizationId = store.create(new OrganizationDraft("Slow DNS", List.of(), null, Map.of(), null)).id();
		LocalDomain added = store.addDomain(organizationId, "slow-dns.example.com");
		Duration period = Duration.ofDays(30);

		clock.advance(Duration.ofDays(29));
		LocalDomain early = store.verifyDomain(added.id(), (domain) -> false, period);
		clock.advance(Duration.ofDays(1));
		LocalDomain failed = store.verifyDomain(added.id(), (domain) -> false, period);
		clock.advance(Duration.ofMinutes(1));
		LocalDomain restarted = store.verifyDomain(added.id(), (domain) -> false, period);
		clock.advance(Duration.ofMinutes(1));
		LocalDomain verified = store.verifyDomain(added.id(), (domain) -> true, period);

		assertThat(early).isEqualTo(added);
		assertThat(failed.state()).isEqualTo(DomainState.FAILED);
		assertThat(failed.updatedAt()).isEqualTo(Instant.parse("2026-12-28T12:00:00Z"));
		assertThat(restarted.state()).isEqualTo(DomainState.PENDING);
		assertThat(restarted.verificationStartedAt()).isEqualTo(Instant.parse("2026-12-28T12:01:00Z"));
		assertThat(verified.state()).isEqualTo(DomainState.VERIFIED);
		assertThat(verified.verificationStrategy()).isEqualTo(LocalDomain.DNS);
		assertThat(store.find(organizationId).orElseThrow().domains()).containsExactly(verified);
		assertThat(events).containsExactly("organization.created", "organization_domain.created:pending",
				"organization_domain.verification_failed:failed:domain_verification_period_expired",
				"organization_domain.updated:pending", "organization_domain.verified:verified");
	}

	@Test
	void aZeroPeriodFailsTheFirstUnprovenVerifyAndKeepsTheDomainFailed() {
		LocalOrganizationStore store = new LocalOrganizationStore(Clock.systemUTC(), new Random(7),
				(event, organization) -> {
				});
		String organizationId = store.create(new OrganizationDraft("No Wait", List.of(), null, Map.of(), null)).id();
		String id = store.addDomain(organizationId, "no-wait.example.com").id();

		LocalDomain failed = store.verifyDomain(id, (domain) -> false, Duration.ZERO);
		LocalDomain again = store.verifyDomain(id, (domain) -> false, Duration.ZERO);

		assertThat(failed.state()).isEqualTo(DomainState.FAILED);
		assertThat(again).isEqualTo(failed);
	}

	@Test
	void domainChangesLeaveTheOrganizationsOwnFieldsAndDeletingItFreesItsDomainIds() {
		LocalOrganizationStore store = new LocalOrganizationStore(Clock.systemUTC(), new Random(7),
				(event, organization) -> {
				});
		LocalOrganization created = store
			.create(new OrganizationDraft("Stable", List.of(), "ext-stable", Map.of("a", "1"), null));
		LocalDomain domain = store.addDomain(created.id(), "stable.example.com");

		LocalOrganization withDomain = store.find(created.id()).orElseThrow();
		store.delete(created.id());

		assertThat(withDomain.updatedAt()).isEqualTo(created.updatedAt());
		assertThat(withDomain.externalId()).isEqualTo("ext-stable");
		assertThat(store.findDomain(domain.id())).isEmpty();
		assertThat(store.findByExternalId("ext-stable")).isEmpty();
	}

	/** A clock the test moves forward by hand. */
	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
