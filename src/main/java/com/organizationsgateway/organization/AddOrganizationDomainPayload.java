package com.organizationsgateway.organization;

/**
 * The GraphQL {@code AddOrganizationDomainPayload}.
 */
record AddOrganizationDomainPayload(OrganizationDomain organizationDomain) {
}
