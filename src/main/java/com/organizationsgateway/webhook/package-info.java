/**
 * WorkOS webhooks: {@code POST /webhooks/workos}, authenticated by its
 * {@code WorkOS-Signature} alone, turns each organization event into an
 * {@code OrganizationChange}, so that changes made outside the gateway reach its cache
 * without waiting for the time to live.
 */
@NullMarked
package com.organizationsgateway.webhook;

import org.jspecify.annotations.NullMarked;
