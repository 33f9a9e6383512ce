/**
 * Tests of the Apollo Federation subgraph: the switch, and the supergraph composed with a
 * second subgraph and served by a real federation gateway.
 */
@NullMarked
package com.organizationsgateway.federation;

import org.jspecify.annotations.NullMarked;
