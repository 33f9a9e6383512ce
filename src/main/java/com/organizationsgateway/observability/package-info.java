/**
 * How the gateway observes itself: GraphQL operations but not each data fetcher (unless
 * switched on), and in-process spans only on requests whose trace is sampled.
 */
@NullMarked
package com.organizationsgateway.observability;

import org.jspecify.annotations.NullMarked;
