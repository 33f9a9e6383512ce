package com.organizationsgateway.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(mediaType(exchange));
		String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static MediaType mediaType(ServerWebExchange exchange) {
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		boolean graphQlResponse = accepted.stream()
			.anyMatch((type) -> type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType()
					&& !type.isWildcardSubtype());
		return graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
	}

}
