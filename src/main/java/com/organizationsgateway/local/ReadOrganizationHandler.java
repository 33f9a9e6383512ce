package com.organizationsgateway.local;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /organizations/{id}} and {@code GET
 * /organizations/external_id/{external_id}}. The external id is read from the raw path
 * and decoded here, so any character survives: encoded slashes, a raw {@code ;} (the Node
 * SDK does not encode) that would otherwise be parsed as a matrix parameter, and
 * already-encoded text such as {@code %252F}.
 */
final class ReadOrganizationHandler {

	// elements of "/organizations/external_id/": separator, segment, separator,
	// segment, separator
	private static final int EXTERNAL_ID_PREFIX_ELEMENTS = 5;

	private final LocalOrganizationStore store;

	private final JsonResponses responses;

	ReadOrganizationHandler(LocalOrganizationStore store, JsonResponses responses) {
		this.store = store;
		this.responses = responses;
	}

	Mono<ServerResponse> get(ServerRequest request) {
		String id = request.pathVariable("id");
		LocalOrganization organization = this.store.find(id).orElseThrow(() -> LocalApiException.notFound(id));
		return this.responses.ok(OrganizationJson.organization(organization));
	}

	Mono<ServerResponse> getByExternalId(ServerRequest request) {
		String externalId = externalId(request.requestPath().pathWithinApplication());
		LocalOrganization organization = this.store.findByExternalId(externalId)
			.orElseThrow(() -> LocalApiException.notFound(externalId));
		return this.responses.ok(OrganizationJson.organization(organization));
	}

	static String externalId(PathContainer path) {
		List<PathContainer.Element> elements = path.elements();
		StringBuilder raw = new StringBuilder();
		for (int i = EXTERNAL_ID_PREFIX_ELEMENTS; i < elements.size(); i++) {
			raw.append(elements.get(i).value());
		}
		return UriUtils.decode(raw.toString(), StandardCharsets.UTF_8);
	}

}
