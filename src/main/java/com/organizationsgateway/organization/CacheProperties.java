package com.organizationsgateway.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read cache in front of WorkOS.
 *
 * @param organizationTtl how long an organization is served from the cache after it was
 * read
 * @param listTtl how long a list page is served from the cache; short, because any
 * organization's change can move it
 * @param maxSize the most organizations, and separately the most list pages, kept
 * @param staleIfError how long after expiry an entry may still answer a read while the
 * upstream fails (stale-if-error); zero turns this off
 * @param peerOutageTtl the organization time to live while other instances cannot tell
 * this one of their changes (their Redis link is down), so that it serves their writes
 * after at most this long
 */
@ConfigurationProperties("gateway.cache")
record CacheProperties(@DefaultValue("60s") Duration organizationTtl, @DefaultValue("5s") Duration listTtl,
		@DefaultValue("10000") long maxSize, @DefaultValue("5m") Duration staleIfError,
		@DefaultValue("5s") Duration peerOutageTtl) {

}
