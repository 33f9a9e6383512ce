package com.organizationsgateway.organization;

/**
 * The GraphQL {@code VerifyOrganizationDomainInput}.
 */
record VerifyOrganizationDomainInput(String id) {
}
