/**
 * Failure behaviour end to end: the gateway against its embedded Organizations API with
 * faults injected in front of it (test-only), and a soak under random faults.
 */
@NullMarked
package com.organizationsgateway.resilience;

import org.jspecify.annotations.NullMarked;
