/**
 * A benchmark-only endpoint, off unless {@code gateway.benchmark.enabled=true}: the
 * ceiling that the benchmark compares the GraphQL endpoint against.
 */
@NullMarked
package com.organizationsgateway.benchmark;

import org.jspecify.annotations.NullMarked;
