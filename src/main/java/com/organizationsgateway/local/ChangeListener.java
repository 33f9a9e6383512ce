package com.organizationsgateway.local;

import org.jspecify.annotations.Nullable;

/**
 * Hears of each change to the store, in order, while the store's lock is held: it must
 * return at once.
 */
@FunctionalInterface
interface ChangeListener {

	String CREATED = "organization.created";

	String UPDATED = "organization.updated";

	String DELETED = "organization.deleted";

	String DOMAIN_CREATED = "organization_domain.created";

	String DOMAIN_UPDATED = "organization_domain.updated";

	String DOMAIN_DELETED = "organization_domain.deleted";

	String DOMAIN_VERIFIED = "organization_domain.verified";

	String DOMAIN_VERIFICATION_FAILED = "organization_domain.verification_failed";

	/**
	 * @param event the WorkOS event name
	 * @param organization the organization after the change, or as it was when deleted
	 */
	void changed(String event, LocalOrganization organization);

	/**
	 * A change made through the domain endpoints; listeners that have no use for it leave
	 * this as it is.
	 * @param event the WorkOS event name, {@code organization_domain.*}
	 * @param domain the domain after the change, or as it was when deleted
	 * @param reason why a verification failed; null for other events
	 */
	default void domainChanged(String event, LocalDomain domain, @Nullable String reason) {
	}

}
