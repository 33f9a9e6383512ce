package com.organizationsgateway.responsecache;

/**
 * Put in the exchange's attributes by {@link ResponseCacheFilter} for the GraphQL layer
 * to say, through {@link ResponseCacheInterceptor}, that the response may be kept: the
 * request's attribute map is read-only there, so this holder carries the answer back.
 */
final class Cacheability {

	static final String ATTRIBUTE = Cacheability.class.getName();

	private volatile boolean cacheable;

	void allow() {
		this.cacheable = true;
	}

	boolean isCacheable() {
		return this.cacheable;
	}

}
