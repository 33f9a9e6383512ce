package com.organizationsgateway.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fills an empty store with a few realistic organizations, including the docs' "Foo
 * Corp", before the server opens its port. They get creation times an hour apart in the
 * past, so their order is stable and anything created later sorts after them.
 */
final class LocalApiSeeder implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(LocalApiSeeder.class);

	private final LocalOrganizationStore store;

	private final Clock clock;

	private final boolean enabled;

	LocalApiSeeder(LocalOrganizationStore store, Clock clock, boolean enabled) {
		this.store = store;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.enabled) {
			logger.info("Seeding of the local Organizations API is off (gateway.local-api.seed=false)");
			return;
		}
		List<OrganizationDraft> drafts = drafts();
		Instant start = this.clock.instant().minus(Duration.ofHours(drafts.size()));
		for (int i = 0; i < drafts.size(); i++) {
			this.store.seed(drafts.get(i), start.plus(Duration.ofHours(i)));
		}
		logger.info("Seeded {} example organizations into the local Organizations API at {}", drafts.size(),
				LocalApiRoutes.ORGANIZATIONS);
	}

	static List<OrganizationDraft> drafts() {
		return List.of(
				draft("Foo Corp", List.of(new DomainRequest("foo-corp.com", DomainState.VERIFIED)), null, Map.of(),
						null),
				draft("Acme Inc", List.of(new DomainRequest("acme.com", DomainState.VERIFIED)), "acme-0001",
						metadata("tier", "enterprise", "region", "us-east-1"), null),
				draft("Globex Corporation", List.of(new DomainRequest("globex.com", DomainState.PENDING)), "globex-7",
						metadata("tier", "startup"), null),
				draft("Initech", List.of(new DomainRequest("initech.com", DomainState.VERIFIED)), null,
						metadata("industry", "software", "seats", "120"), null),
				draft("Umbrella Corporation",
						List.of(new DomainRequest("umbrella.com", DomainState.VERIFIED),
								new DomainRequest("umbrella-labs.com", DomainState.PENDING)),
						"umbrella-1968", metadata("tier", "enterprise", "industry", "pharmaceuticals"), null),
				draft("Stark Industries", List.of(new DomainRequest("stark-industries.com", DomainState.VERIFIED)),
						"stark-001", metadata("tier", "enterprise"), "cus_StarkIndustries01"));
	}

	private static OrganizationDraft draft(String name, List<DomainRequest> domains, @Nullable String externalId,
			Map<String, String> metadata, @Nullable String stripeCustomerId) {
		return new OrganizationDraft(name, domains, externalId, metadata, stripeCustomerId);
	}

	private static Map<String, String> metadata(String... keysAndValues) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			metadata.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return metadata;
	}

}
