package com.organizationsgateway.local;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Wraps every local API route: stamps {@code X-Request-ID} on the response before
 * anything can fail (echoing a sane incoming one), demands a {@code Bearer sk_…} key, and
 * renders every error as WorkOS-shaped JSON so nothing reaches Spring's default error
 * page.
 */
final class LocalApiFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	static final String REQUEST_ID = "X-Request-ID";

	private static final Logger logger = LoggerFactory.getLogger(LocalApiFilter.class);

	private static final Pattern API_KEY = Pattern.compile("(?i:bearer) +sk_\\S+");

	private static final int MAX_REQUEST_ID_LENGTH = 200;

	private final JsonResponses responses;

	LocalApiFilter(JsonResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		// set on the exchange so that every response written for this request carries it
		request.exchange()
			.getResponse()
			.getHeaders()
			.set(REQUEST_ID, requestId(request.headers().firstHeader(REQUEST_ID)));
		String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !API_KEY.matcher(authorization.trim()).matches()) {
			return this.responses.error(LocalApiException.unauthorized());
		}
		return Mono.defer(() -> next.handle(request)).onErrorResume(this::toResponse);
	}

	private Mono<ServerResponse> toResponse(Throwable error) {
		if (error instanceof LocalApiException apiError) {
			return this.responses.error(apiError);
		}
		if (error instanceof DataBufferLimitException) {
			return this.responses.error(LocalApiException.coded(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"The request body is too large."));
		}
		logger.error("Local Organizations API failed", error);
		return this.responses.error(LocalApiException.coded(HttpStatus.INTERNAL_SERVER_ERROR, "server_error",
				"The local Organizations API failed; see the gateway log."));
	}

	static String requestId(@Nullable String incoming) {
		if (incoming != null && !incoming.isEmpty() && incoming.length() <= MAX_REQUEST_ID_LENGTH
				&& Text.isPrintableAscii(incoming)) {
			return incoming;
		}
		return "req_" + UUID.randomUUID();
	}

}
