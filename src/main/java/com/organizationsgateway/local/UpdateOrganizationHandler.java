package com.organizationsgateway.local;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code PUT /organizations/{id}}: a partial update, 200 with the result.
 */
final class UpdateOrganizationHandler {

	private final LocalOrganizationStore store;

	private final OrganizationBodyReader reader;

	private final JsonResponses responses;

	UpdateOrganizationHandler(LocalOrganizationStore store, OrganizationBodyReader reader, JsonResponses responses) {
		this.store = store;
		this.reader = reader;
		this.responses = responses;
	}

	Mono<ServerResponse> update(ServerRequest request) {
		String id = request.pathVariable("id");
		return request.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map((body) -> this.store.update(id, this.reader.readChanges(this.reader.parse(body))))
			.flatMap((organization) -> this.responses.ok(OrganizationJson.organization(organization)));
	}

}
