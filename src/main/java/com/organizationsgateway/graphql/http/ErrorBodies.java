package com.organizationsgateway.graphql.http;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The GraphQL-over-HTTP error body of a request refused before GraphQL runs, so that
 * clients read these refusals like any other error: {@code errors[0].extensions.code}.
 * Always {@code application/json}, because the refused request's {@code Accept} may be
 * the very thing that could not be read.
 */
final class ErrorBodies {

	private ErrorBodies() {
	}

	/** Only constant messages are written, so nothing needs JSON escaping. */
	static Mono<Void> write(ServerHttpResponse response, HttpStatus status, ErrorCode code, String message) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = ("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code.name()
				+ "\"}}]}")
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
