package com.organizationsgateway.security;

import java.util.List;

import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a refusal that happens before GraphQL runs as a GraphQL response body, so that
 * clients read every error the same way: {@code errors[0].extensions.code}.
 */
final class GraphQlErrorBodies {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private GraphQlErrorBodies() {
	}

	/** Only constant messages are written, so nothing needs JSON escaping. */
	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ErrorCode code, String message) {
		return ErrorBodies.write(exchange.getResponse(), status, mediaType(exchange), code, message);
	}

	private static MediaType mediaType(ServerWebExchange exchange) {
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		boolean graphQlResponse = accepted.stream()
			.anyMatch((type) -> type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType()
					&& !type.isWildcardSubtype());
		return graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
	}

}
