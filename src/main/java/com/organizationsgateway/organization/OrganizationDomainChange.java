package com.organizationsgateway.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which domain of an organization changed, and how, so that a change to it learnt twice
 * (from a mutation here and from its webhook, or from another instance) is announced
 * once: domain changes are ordered by the domain's own {@code updated_at}, since the
 * organization's does not move with them.
 *
 * @param domainId the WorkOS id of the domain, {@code org_domain_...}
 * @param domain the domain name, such as {@code foo-corp.com}, which subscribers watching
 * it hear of even after its removal; null when unknown
 * @param updatedAt the domain's {@code updated_at} after the change; null when unknown,
 * and then the change is never taken for a repeat
 * @param removed whether the domain was removed from the organization
 */
public record OrganizationDomainChange(String domainId, @Nullable String domain, @Nullable Instant updatedAt,
		boolean removed) {

}
