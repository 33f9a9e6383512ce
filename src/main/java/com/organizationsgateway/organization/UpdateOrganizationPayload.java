package com.organizationsgateway.organization;

/**
 * The GraphQL {@code UpdateOrganizationPayload}.
 */
record UpdateOrganizationPayload(Organization organization) {
}
