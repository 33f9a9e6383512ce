package com.organizationsgateway.organization;

import java.time.Duration;

/**
 * Kept informed by the organization cache, so that what is derived from its contents
 * never outlives them: told whenever it forgets what it held because organizations may
 * have changed (after it has forgotten, and before the write that caused it is
 * acknowledged to its client), and of how long it keeps entries.
 */
public interface OrganizationCacheListener {

	/** Cached organizations or pages were dropped, or their lifetimes shortened. */
	void organizationsInvalidated();

	/**
	 * The shortest time the cache now keeps an entry: told once at startup and again
	 * whenever it changes, such as while other instances cannot be heard.
	 */
	void lifetimeChanged(Duration shortest);

}
