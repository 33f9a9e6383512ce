package com.organizationsgateway.organization;

import java.util.Set;

/**
 * A change ready for subscribers: the event they receive, and the domains the
 * organization holds after it (for a deletion, the domains it held), lower-cased, which
 * the {@code domains} filter matches against.
 */
record ResolvedChange(OrganizationChangeEvent event, Set<String> domains) {

	ResolvedChange {
		domains = Set.copyOf(domains);
	}

}
