package com.organizationsgateway.organization;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.organizationsgateway.workos.WorkOsOrganization;

/**
 * An organization changed, or may have: what caches must forget and what subscribers
 * hear. Published through {@link OrganizationChanges}, whatever its origin.
 *
 * @param organizationId the WorkOS id of the organization; null when a failed create
 * leaves it unknown
 * @param kind what happened
 * @param externalIds every external id the change may have touched (old and new), so that
 * lookups by external id are forgotten too
 * @param updatedAt the organization's {@code updated_at} after the change, which orders
 * changes; null when unknown, and then the change is never taken for a repeat
 * @param organization the organization after the change, or for a deletion as it was last
 * seen; null when unknown
 * @param origin where the change was learnt
 * @param domain for a change made to one of its domains (through the domain endpoints),
 * which domain; null for a change to the organization itself
 */
public record OrganizationChange(@Nullable String organizationId, Kind kind, Set<String> externalIds,
		@Nullable Instant updatedAt, @Nullable WorkOsOrganization organization, Origin origin,
		@Nullable OrganizationDomainChange domain) {

	public OrganizationChange {
		externalIds = Set.copyOf(externalIds);
	}

	/** A change to the organization itself. */
	public OrganizationChange(@Nullable String organizationId, Kind kind, Set<String> externalIds,
			@Nullable Instant updatedAt, @Nullable WorkOsOrganization organization, Origin origin) {
		this(organizationId, kind, externalIds, updatedAt, organization, origin, null);
	}

	/**
	 * A change to one domain of an organization: an update of the organization, whose new
	 * state is read when needed.
	 */
	public static OrganizationChange ofDomain(String organizationId, OrganizationDomainChange domain, Origin origin) {
		return new OrganizationChange(organizationId, Kind.UPDATED, Set.of(), null, null, origin, domain);
	}

	/** A copy of this change as learnt from elsewhere, such as another instance. */
	public OrganizationChange withOrigin(Origin origin) {
		return new OrganizationChange(this.organizationId, this.kind, this.externalIds, this.updatedAt,
				this.organization, origin, this.domain);
	}

	/** What happened to the organization. */
	public enum Kind {

		CREATED,

		UPDATED,

		DELETED,

		/**
		 * A write failed without saying whether it happened upstream: caches forget, but
		 * subscribers are not told of a change that may not exist.
		 */
		POSSIBLY_CHANGED

	}

	/** Where a change was learnt. */
	public enum Origin {

		/** A mutation through this gateway instance. */
		GATEWAY,

		/** A WorkOS webhook. */
		WEBHOOK,

		/** Another gateway instance. */
		PEER

	}

}
