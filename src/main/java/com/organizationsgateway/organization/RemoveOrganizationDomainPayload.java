package com.organizationsgateway.organization;

import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code RemoveOrganizationDomainPayload}; its {@code organization} is read
 * by id when asked for.
 *
 * @param removedOrganizationDomainId the id of the removed domain
 * @param organizationId the organization that held it, when WorkOS named it
 */
record RemoveOrganizationDomainPayload(String removedOrganizationDomainId, @Nullable String organizationId) {
}
