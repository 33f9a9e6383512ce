package com.organizationsgateway.organization;

/**
 * The GraphQL {@code AddOrganizationDomainInput}.
 */
record AddOrganizationDomainInput(String organizationId, String domain) {
}
