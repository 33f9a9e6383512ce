package com.organizationsgateway.organization;

/**
 * The GraphQL {@code DeleteOrganizationInput}.
 */
record DeleteOrganizationInput(String id) {
}
