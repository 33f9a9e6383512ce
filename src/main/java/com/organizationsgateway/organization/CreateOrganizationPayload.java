package com.organizationsgateway.organization;

/**
 * The GraphQL {@code CreateOrganizationPayload}.
 */
record CreateOrganizationPayload(Organization organization) {
}
