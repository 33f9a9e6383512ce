/**
 * How the gateway observes itself: which observations become spans, so that tracing costs
 * nothing on requests whose trace is not sampled.
 */
@NullMarked
package com.organizationsgateway.observability;

import org.jspecify.annotations.NullMarked;
