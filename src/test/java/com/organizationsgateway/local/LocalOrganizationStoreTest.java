package com.organizationsgateway.local;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code updated_at} orders the store's changes: webhook consumers (the gateway's own
 * change ledger among them) take an equal one for a repeat and an older one as outdated.
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

}
