package com.organizationsgateway.local;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code DELETE /organizations/{id}}: 202 with an empty body, which every SDK accepts.
 */
final class DeleteOrganizationHandler {

	private final LocalOrganizationStore store;

	DeleteOrganizationHandler(LocalOrganizationStore store) {
		this.store = store;
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable("id");
		if (!this.store.delete(id)) {
			throw LocalApiException.notFound(id);
		}
		return ServerResponse.accepted().build();
	}

}
