package com.organizationsgateway.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsDomain;

/**
 * The GraphQL {@code OrganizationDomain}. A domain without a state (older WorkOS
 * responses) reads as {@code UNKNOWN}.
 */
record OrganizationDomain(String id, String domain, OrganizationDomainState state,
		@Nullable DomainVerificationStrategy verificationStrategy, @Nullable String verificationToken,
		@Nullable String organizationId, @Nullable String verificationPrefix, @Nullable OffsetDateTime createdAt,
		@Nullable OffsetDateTime updatedAt) {

	/** A domain on its own, as {@code /organization_domains} answers it. */
	static OrganizationDomain from(WorkOsDomain domain) {
		return from(domain, null);
	}

	/**
	 * Maps the wire record; a domain nested in an organization without its
	 * {@code organization_id} (older responses) belongs to {@code holder}.
	 */
	static OrganizationDomain from(WorkOsDomain domain, @Nullable String holder) {
		return new OrganizationDomain(domain.id(), domain.domain(), OrganizationDomainState.from(domain.state()),
				DomainVerificationStrategy.from(domain.verificationStrategy()), domain.verificationToken(),
				(domain.organizationId() != null) ? domain.organizationId() : holder, domain.verificationPrefix(),
				utc(domain.createdAt()), utc(domain.updatedAt()));
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
