package com.organizationsgateway.organization;

/**
 * The GraphQL {@code DeleteOrganizationPayload}.
 */
record DeleteOrganizationPayload(String deletedOrganizationId) {
}
