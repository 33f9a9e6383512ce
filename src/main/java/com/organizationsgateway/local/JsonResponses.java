package com.organizationsgateway.local;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Writes JSON bodies with the app's Jackson 3 mapper into bytes first, so what is sent is
 * exactly what an idempotency replay sends later.
 */
final class JsonResponses {

	private final JsonMapper jsonMapper;

	JsonResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	PreparedResponse prepare(HttpStatus status, Object body) {
		return new PreparedResponse(status, this.jsonMapper.writeValueAsBytes(body));
	}

	Mono<ServerResponse> send(PreparedResponse response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(response.body());
	}

	Mono<ServerResponse> ok(Object body) {
		return send(prepare(HttpStatus.OK, body));
	}

	Mono<ServerResponse> error(LocalApiException error) {
		return send(prepare(error.status(), error.body()));
	}

}
