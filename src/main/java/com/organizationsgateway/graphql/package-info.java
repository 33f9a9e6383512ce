/**
 * Cross-cutting GraphQL wiring: the error taxonomy and its one mapping, the request-level
 * error codes, the {@code DateTime} scalar and {@code Node} type resolution.
 */
@NullMarked
package com.organizationsgateway.graphql;

import org.jspecify.annotations.NullMarked;
