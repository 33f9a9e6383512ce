package com.organizationsgateway.graphql.documents;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Hands the request's client tag (from {@code apollographql-client-name}) to the
 * execution, where the {@link DocumentCache} counts what the trusted documents made of
 * the operation. With the trusted documents off only a request with a {@code documentId}
 * can be counted, so no other pays for the header.
 */
final class ClientNameInterceptor implements WebGraphQlInterceptor {

	private final TrustedDocuments trusted;

	private final boolean off;

	ClientNameInterceptor(TrustedDocuments trusted) {
		this.trusted = trusted;
		this.off = trusted.mode() == TrustedDocumentsMode.OFF;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (this.off && TrustedDocuments.documentId(request.getExtensions()) == null) {
			return chain.next(request);
		}
		String client = this.trusted.clientTag(request.getHeaders().getFirst(TrustedDocuments.CLIENT_NAME_HEADER));
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(TrustedDocuments.CLIENT, client);
			return input;
		});
		return chain.next(request);
	}

}
