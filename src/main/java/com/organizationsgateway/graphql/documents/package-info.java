/**
 * Parsed and validated documents, cached by query text or by the SHA-256 hash of an
 * Automatic Persisted Query ({@code gateway.graphql.documents.*}).
 */
@NullMarked
package com.organizationsgateway.graphql.documents;

import org.jspecify.annotations.NullMarked;
