package com.organizationsgateway.local;

/**
 * Hears of each change to the store, in order, while the store's lock is held: it must
 * return at once.
 */
@FunctionalInterface
interface ChangeListener {

	String CREATED = "organization.created";

	String UPDATED = "organization.updated";

	String DELETED = "organization.deleted";

	/**
	 * @param event the WorkOS event name
	 * @param organization the organization after the change, or as it was when deleted
	 */
	void changed(String event, LocalOrganization organization);

}
