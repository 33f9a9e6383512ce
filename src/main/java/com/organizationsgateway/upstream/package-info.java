/**
 * Chooses the upstream at startup: WorkOS itself when a key is configured, otherwise the
 * embedded local Organizations API on the gateway's own port, whose webhooks then come
 * back to the gateway's own webhook endpoint.
 */
@NullMarked
package com.organizationsgateway.upstream;

import org.jspecify.annotations.NullMarked;
