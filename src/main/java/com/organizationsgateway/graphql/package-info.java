/**
 * Cross-cutting GraphQL wiring: the {@code DateTime} scalar, {@code Node} type resolution
 * and the report of fields served stale. Transport, documents, limits and errors live in
 * the subpackages.
 */
@NullMarked
package com.organizationsgateway.graphql;

import org.jspecify.annotations.NullMarked;
