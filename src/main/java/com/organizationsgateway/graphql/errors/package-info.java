/**
 * The error taxonomy ({@link com.organizationsgateway.graphql.errors.ErrorCode}) and the
 * one place where exceptions, request-level errors and failed subscriptions become
 * GraphQL errors with an {@code extensions.code}.
 */
@NullMarked
package com.organizationsgateway.graphql.errors;

import org.jspecify.annotations.NullMarked;
