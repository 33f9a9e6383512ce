package com.organizationsgateway.webhook;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * What became of one delivery: the {@code outcome} tag of the {@code gateway.webhooks}
 * counter and the answer WorkOS gets. Everything signed and well formed is acknowledged
 * with 200, even when it changes nothing, because WorkOS redelivers anything else.
 */
enum WebhookOutcome {

	/** Applied: the cache forgot the organization. */
	ACCEPTED(HttpStatus.OK),

	/** Seen before: the same event id, or a change already applied. */
	REPEATED(HttpStatus.OK),

	/** Older than what was already applied, or about a deleted organization. */
	OUTDATED(HttpStatus.OK),

	/** An event type the gateway has no use for. */
	IGNORED(HttpStatus.OK),

	/** Missing, malformed or wrong signature: 401. */
	BAD_SIGNATURE(HttpStatus.UNAUTHORIZED),

	/** Correctly signed, but dated outside the tolerance: 401. */
	EXPIRED(HttpStatus.UNAUTHORIZED),

	/** Signed, but not a WorkOS event (400), or too large (413). */
	MALFORMED(HttpStatus.BAD_REQUEST);

	private final HttpStatus status;

	WebhookOutcome(HttpStatus status) {
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
