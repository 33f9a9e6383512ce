/**
 * What the gateway adds to Spring's GraphQL-over-HTTP transport: queries over GET, 406
 * and 413 answers, media type negotiation, and SSE subscriptions that report early
 * errors.
 */
@NullMarked
package com.organizationsgateway.graphql.http;

import org.jspecify.annotations.NullMarked;
