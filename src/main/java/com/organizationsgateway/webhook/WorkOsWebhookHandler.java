package com.organizationsgateway.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.organization.OrganizationChange;
import com.organizationsgateway.organization.OrganizationChanges;
import com.organizationsgateway.web.DataBuffers;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /webhooks/workos}. The signature is checked over the raw body before
 * anything parses it; a verified event whose id was already handled is acknowledged
 * without being applied again; the rest goes through {@link OrganizationChanges}, whose
 * ledger drops repeats and out-of-order changes. Each delivery is counted by outcome.
 */
final class WorkOsWebhookHandler {

	static final String SIGNATURE_HEADER = "WorkOS-Signature";

	static final String METER = "gateway.webhooks";

	private static final Logger logger = LoggerFactory.getLogger(WorkOsWebhookHandler.class);

	/** WorkOS redelivers a failed event for up to about three days. */
	private static final Duration REMEMBER_EVENTS_FOR = Duration.ofDays(3);

	private final SignatureVerifier verifier;

	private final WebhookEvents events;

	private final OrganizationChanges changes;

	private final JsonMapper jsonMapper;

	private final long maxBodyBytes;

	private final Cache<String, Boolean> seenEventIds;

	private final Map<WebhookOutcome, Counter> counters = new LinkedHashMap<>();

	WorkOsWebhookHandler(SignatureVerifier verifier, WebhookEvents events, OrganizationChanges changes,
			JsonMapper jsonMapper, WebhookProperties properties, MeterRegistry meters) {
		this.verifier = verifier;
		this.events = events;
		this.changes = changes;
		this.jsonMapper = jsonMapper;
		this.maxBodyBytes = properties.maxBodySize().toBytes();
		this.seenEventIds = Caffeine.newBuilder()
			.maximumSize(properties.rememberedEvents())
			.expireAfterWrite(REMEMBER_EVENTS_FOR)
			.build();
		for (WebhookOutcome outcome : WebhookOutcome.values()) {
			this.counters.put(outcome,
					Counter.builder(METER)
						.description("WorkOS webhook deliveries, by what became of them")
						.tag("outcome", outcome.tag())
						.register(meters));
		}
	}

	Mono<ServerResponse> receive(ServerRequest request) {
		if (request.headers().contentLength().orElse(0) > this.maxBodyBytes) {
			return tooLarge();
		}
		String signature = request.headers().firstHeader(SIGNATURE_HEADER);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) this.maxBodyBytes)
			.map(DataBuffers::bytesOf)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> respond(handle(signature, body)))
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge());
	}

	private Result handle(@Nullable String signature, byte[] body) {
		switch (this.verifier.verify(signature, body)) {
			case MISSING:
				return Result.refused(WebhookOutcome.BAD_SIGNATURE, "The " + SIGNATURE_HEADER + " header is missing.");
			case MALFORMED:
				return Result.refused(WebhookOutcome.BAD_SIGNATURE,
						"The " + SIGNATURE_HEADER + " header is not of the form t=<unix-ms>, v1=<hex>.");
			case MISMATCH:
				return Result.refused(WebhookOutcome.BAD_SIGNATURE, "The signature does not match the body.");
			case OUTSIDE_TOLERANCE:
				return Result.refused(WebhookOutcome.EXPIRED, "The signature's timestamp is outside the tolerance.");
			case VALID:
				break;
		}
		WebhookEvents.Event event = this.events.read(body);
		if (event == null) {
			return Result.refused(WebhookOutcome.MALFORMED, "The body is not a WorkOS event.");
		}
		if (this.seenEventIds.asMap().putIfAbsent(event.id(), Boolean.TRUE) != null) {
			return Result.handled(WebhookOutcome.REPEATED);
		}
		WebhookEvents.Translation translation = this.events.translate(event);
		if (translation == null) {
			// a later, fixed delivery of this id must not pass for a repeat
			this.seenEventIds.invalidate(event.id());
			return Result.refused(WebhookOutcome.MALFORMED, "The event's data does not match its type.");
		}
		OrganizationChange change = translation.change();
		if (change == null) {
			return Result.handled(WebhookOutcome.IGNORED);
		}
		WebhookOutcome outcome = switch (this.changes.publish(change)) {
			case ACCEPTED -> WebhookOutcome.ACCEPTED;
			case REPEATED -> WebhookOutcome.REPEATED;
			case OUTDATED -> WebhookOutcome.OUTDATED;
		};
		logger.debug("WorkOS webhook {} {} for {}: {}", event.type(), event.id(), change.organizationId(),
				outcome.tag());
		return Result.handled(outcome);
	}

	private Mono<ServerResponse> tooLarge() {
		this.counters.get(WebhookOutcome.MALFORMED).increment();
		return send(HttpStatus.CONTENT_TOO_LARGE, Map.of("error", "payload_too_large", "message",
				"The body is larger than " + this.maxBodyBytes + " bytes."));
	}

	private Mono<ServerResponse> respond(Result result) {
		this.counters.get(result.outcome()).increment();
		if (result.message() == null) {
			return send(result.outcome().status(), Map.of("outcome", result.outcome().tag()));
		}
		return send(result.outcome().status(), Map.of("error", result.outcome().tag(), "message", result.message()));
	}

	private Mono<ServerResponse> send(HttpStatus status, Map<String, String> body) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.jsonMapper.writeValueAsBytes(body));
	}

	/** What to count and answer; a message only for refusals. */
	private record Result(WebhookOutcome outcome, @Nullable String message) {

		static Result handled(WebhookOutcome outcome) {
			return new Result(outcome, null);
		}

		static Result refused(WebhookOutcome outcome, String message) {
			return new Result(outcome, message);
		}

	}

}
