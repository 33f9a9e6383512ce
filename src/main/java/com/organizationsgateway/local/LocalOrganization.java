package com.organizationsgateway.local;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored organization; immutable, so a snapshot can be rendered outside the store's
 * lock.
 */
record LocalOrganization(String id, String name, List<LocalDomain> domains, Map<String, String> metadata,
		@Nullable String externalId, @Nullable String stripeCustomerId, Instant createdAt, Instant updatedAt) {

	LocalOrganization {
		domains = List.copyOf(domains);
		// keep the client's key order in responses
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

}
