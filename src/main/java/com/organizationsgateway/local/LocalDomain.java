package com.organizationsgateway.local;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored domain of an organization. Domains to verify by DNS carry a token and prefix
 * and the time their current verification began; domains set verified through
 * {@code domain_data} were verified manually and carry neither.
 *
 * @param verificationStrategy {@link #DNS} or {@link #MANUAL}
 * @param verificationStartedAt when the running DNS verification began (creation, or the
 * verify call that restarted a failed one); null for manual domains
 */
record LocalDomain(String id, String organizationId, String domain, DomainState state, String verificationStrategy,
		@Nullable String verificationToken, @Nullable String verificationPrefix, Instant createdAt, Instant updatedAt,
		@Nullable Instant verificationStartedAt) {

	static final String DNS = "dns";

	static final String MANUAL = "manual";

	/** This domain in a new state, changed at {@code at}. */
	LocalDomain withState(DomainState newState, Instant at, @Nullable Instant startedAt) {
		return new LocalDomain(this.id, this.organizationId, this.domain, newState, this.verificationStrategy,
				this.verificationToken, this.verificationPrefix, this.createdAt, at, startedAt);
	}

}
