package com.organizationsgateway.local;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /organizations}: 201 with the new organization. With an
 * {@code Idempotency-Key}, a successful create is replayed byte for byte through
 * {@link IdempotencyCache}; failures are not stored, so a failed create may be retried.
 */
final class CreateOrganizationHandler {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final LocalOrganizationStore store;

	private final OrganizationBodyReader reader;

	private final IdempotencyCache idempotency;

	private final JsonResponses responses;

	CreateOrganizationHandler(LocalOrganizationStore store, OrganizationBodyReader reader, IdempotencyCache idempotency,
			JsonResponses responses) {
		this.store = store;
		this.reader = reader;
		this.idempotency = idempotency;
		this.responses = responses;
	}

	Mono<ServerResponse> create(ServerRequest request) {
		String key = request.headers().firstHeader(IDEMPOTENCY_KEY);
		return request.bodyToMono(String.class).defaultIfEmpty("").map(this.reader::parse).map((body) -> {
			if (key == null || key.isBlank()) {
				return create(body);
			}
			return this.idempotency.execute(key, body, () -> create(body));
		}).flatMap(this.responses::send);
	}

	private PreparedResponse create(JsonNode body) {
		LocalOrganization organization = this.store.create(this.reader.readDraft(body));
		return this.responses.prepare(HttpStatus.CREATED, OrganizationJson.organization(organization));
	}

}
