package com.organizationsgateway.local;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A validated {@code GET /organizations} query.
 *
 * @param limit page size, 1 to 100
 * @param order sort order
 * @param before cursor id, or null
 * @param after cursor id, or null
 * @param domains lower-cased domains, any of which an organization must hold; empty for
 * no filter
 * @param search lower-cased substring of the name, or null
 */
record ListQuery(int limit, ListOrder order, @Nullable String before, @Nullable String after, Set<String> domains,
		@Nullable String search) {

	ListQuery {
		domains = Set.copyOf(domains);
	}

	boolean matches(LocalOrganization organization) {
		if (this.search != null && !organization.name().toLowerCase(Locale.ROOT).contains(this.search)) {
			return false;
		}
		return this.domains.isEmpty()
				|| organization.domains().stream().anyMatch((domain) -> this.domains.contains(domain.domain()));
	}

}
