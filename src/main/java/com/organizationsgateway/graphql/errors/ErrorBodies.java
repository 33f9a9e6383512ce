package com.organizationsgateway.graphql.errors;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The GraphQL-over-HTTP error body of a request refused before GraphQL runs (by a filter,
 * the security chain or the HTTP handler), so that clients read these refusals like any
 * other error: {@code errors[0].extensions.code}.
 */
public final class ErrorBodies {

	private ErrorBodies() {
	}

	/** Only constant messages are written, so nothing needs JSON escaping. */
	public static String json(ErrorCode code, String message) {
		return "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code.name() + "\"}}]}";
	}

	/**
	 * Writes the body as {@code application/json}: the refused request's {@code Accept}
	 * may be the very thing that could not be read.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, ErrorCode code, String message) {
		return write(response, status, MediaType.APPLICATION_JSON, code, message);
	}

	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, MediaType contentType,
			ErrorCode code, String message) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(contentType);
		byte[] body = json(code, message).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
