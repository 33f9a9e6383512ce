package com.organizationsgateway.local;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A change waiting for delivery; its data is rendered only when sent, from an immutable
 * snapshot.
 *
 * @param id {@code event_} + ULID
 * @param event the WorkOS event name
 * @param subject the id of the organization or domain the event is about, for logs
 * @param data renders the event's {@code data}
 * @param createdAt when the change happened
 */
record WebhookEvent(String id, String event, String subject, Supplier<Map<String, @Nullable Object>> data,
		Instant createdAt) {

}
