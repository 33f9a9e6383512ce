/**
 * The organizations feature: the GraphQL controller, the service that validates, caches
 * and invalidates, and the GraphQL-side records mapped from the WorkOS wire records.
 * Depends on the WorkOS client, never on the local API.
 */
@NullMarked
package com.organizationsgateway.organization;

import org.jspecify.annotations.NullMarked;
