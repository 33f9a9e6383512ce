package com.organizationsgateway.local;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A validated create request. {@code stripeCustomerId} is never read from the wire on
 * create; only the seeder sets it.
 */
record OrganizationDraft(String name, List<DomainRequest> domains, @Nullable String externalId,
		Map<String, String> metadata, @Nullable String stripeCustomerId) {

	OrganizationDraft {
		domains = List.copyOf(domains);
	}

}
