package com.organizationsgateway.organization;

/**
 * The GraphQL {@code VerifyOrganizationDomainPayload}.
 */
record VerifyOrganizationDomainPayload(OrganizationDomain organizationDomain) {
}
