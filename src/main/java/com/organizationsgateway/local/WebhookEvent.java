package com.organizationsgateway.local;

import java.time.Instant;

/**
 * A change waiting for delivery; rendered only when sent, from the immutable snapshot.
 *
 * @param id {@code event_} + ULID
 * @param event the WorkOS event name
 * @param organization the organization after the change, or as it was when deleted
 * @param createdAt when the change happened
 */
record WebhookEvent(String id, String event, LocalOrganization organization, Instant createdAt) {

}
