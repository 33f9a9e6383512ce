package com.organizationsgateway.organization;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code OrganizationChangeEvent}: one change as a subscriber receives it.
 *
 * @param kind what happened
 * @param organizationId the WorkOS id of the organization
 * @param organization the organization after the change; null when it was deleted or
 * could not be read
 * @param occurredAt its new {@code updatedAt}, or for a deletion when the gateway learnt
 * of it
 */
record OrganizationChangeEvent(OrganizationChangeKind kind, String organizationId, @Nullable Organization organization,
		OffsetDateTime occurredAt) {

}
