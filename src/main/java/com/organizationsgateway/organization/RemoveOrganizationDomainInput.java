package com.organizationsgateway.organization;

/**
 * The GraphQL {@code RemoveOrganizationDomainInput}.
 */
record RemoveOrganizationDomainInput(String id) {
}
