package com.organizationsgateway.local;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored domain of an organization. Pending domains carry a DNS verification token and
 * prefix; verified ones were verified manually and carry no token.
 */
record LocalDomain(String id, String organizationId, String domain, DomainState state,
		@Nullable String verificationToken, @Nullable String verificationPrefix, Instant createdAt, Instant updatedAt) {

	String verificationStrategy() {
		return (this.state == DomainState.VERIFIED) ? "manual" : "dns";
	}

}
