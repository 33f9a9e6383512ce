package com.organizationsgateway.organization;

/**
 * The GraphQL {@code OrganizationChangeKind}: the changes subscribers hear of. A write
 * whose outcome is unknown is not one of them.
 */
enum OrganizationChangeKind {

	CREATED,

	UPDATED,

	DELETED

}
