/**
 * Chooses the upstream at startup: WorkOS itself when a key is configured, otherwise the
 * embedded local Organizations API on the gateway's own port.
 */
@NullMarked
package com.organizationsgateway.upstream;

import org.jspecify.annotations.NullMarked;
