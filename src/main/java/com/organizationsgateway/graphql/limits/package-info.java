/**
 * Bounds on what one operation may ask and take: depth, complexity, parser tokens,
 * request size, subscriptions per connection and the operation deadline
 * ({@code gateway.graphql.limits.*}).
 */
@NullMarked
package com.organizationsgateway.graphql.limits;

import org.jspecify.annotations.NullMarked;
