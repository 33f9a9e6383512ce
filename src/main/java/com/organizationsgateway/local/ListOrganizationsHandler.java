package com.organizationsgateway.local;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /organizations}: filters, then pages.
 */
final class ListOrganizationsHandler {

	private final LocalOrganizationStore store;

	private final JsonResponses responses;

	ListOrganizationsHandler(LocalOrganizationStore store, JsonResponses responses) {
		this.store = store;
		this.responses = responses;
	}

	Mono<ServerResponse> list(ServerRequest request) {
		ListQuery query = ListQueryReader.read(request.queryParams());
		return this.responses.ok(OrganizationJson.list(this.store.list(query)));
	}

}
