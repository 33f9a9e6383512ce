package com.organizationsgateway.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Remembers successful creates by {@code Idempotency-Key} for a TTL: the same key with
 * the same body (compared as JSON trees, so key order and spacing don't matter) replays
 * the first status and body byte for byte; the same key with another body is refused with
 * 400 {@code idempotency_key_reused}. Errors are not remembered, so a create that failed
 * (say on a taken external id) can be retried with its key once the cause is fixed. One
 * monitor covers look-up, create and record, so concurrent requests with one key create
 * one organization.
 */
final class IdempotencyCache {

	private final Clock clock;

	private final Duration ttl;

	private final Map<String, Entry> entries = new HashMap<>();

	IdempotencyCache(Clock clock, Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	synchronized PreparedResponse execute(String key, JsonNode body, Supplier<PreparedResponse> action) {
		Instant now = this.clock.instant();
		this.entries.values().removeIf((entry) -> !entry.expiresAt().isAfter(now));
		Entry entry = this.entries.get(key);
		if (entry != null) {
			if (!entry.body().equals(body)) {
				throw LocalApiException.badRequest("idempotency_key_reused",
						"This Idempotency-Key was already used with a different request body.");
			}
			return entry.response();
		}
		PreparedResponse response = action.get();
		this.entries.put(key, new Entry(body, response, now.plus(this.ttl)));
		return response;
	}

	private record Entry(JsonNode body, PreparedResponse response, Instant expiresAt) {
	}

}
