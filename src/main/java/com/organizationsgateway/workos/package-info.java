/**
 * The typed client of the WorkOS Organizations REST API: one method per endpoint, wire
 * records in snake_case, and one sealed error type. Knows nothing of GraphQL or caching.
 */
@NullMarked
package com.organizationsgateway.workos;

import org.jspecify.annotations.NullMarked;
