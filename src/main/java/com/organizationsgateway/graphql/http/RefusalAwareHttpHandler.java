package com.organizationsgateway.graphql.http;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorBodies;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

/**
 * Spring's POST handler, answering an operation the trusted documents refused with the
 * refusal's status ({@link RefusalStatus}), a body that holds no request with 400, a
 * subscription (which needs a stream) with 406, and anything else as Spring does.
 */
class RefusalAwareHttpHandler extends GraphQlHttpHandler {

	private static final String EMPTY_BODY = ErrorBodies.json(ErrorCode.BAD_REQUEST,
			"The request body is empty or not a JSON object with a query or a documentId");

	private static final String SUBSCRIPTION_NEEDS_A_STREAM = ErrorBodies.json(ErrorCode.BAD_REQUEST,
			"A subscription answers with a stream: send it with Accept: text/event-stream, or over a WebSocket to "
					+ "this path");

	RefusalAwareHttpHandler(WebGraphQlHandler graphQlHandler) {
		super(graphQlHandler);
	}

	/**
	 * An empty body, or the JSON {@code null}, reads as no request at all; Spring would
	 * then answer 200 with nothing, so nothing would say why nothing ran. A body that is
	 * not a JSON object gets the same GraphQL-shaped 400 instead of Spring's generic one;
	 * an oversized body stays {@link RequestTooLargeHandler}'s.
	 */
	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return super.handleRequest(request)
			.onErrorResume(ServerWebInputException.class, (ex) -> isTooLarge(ex) ? Mono.error(ex) : Mono.empty())
			.switchIfEmpty(Mono.defer(
					() -> ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).bodyValue(EMPTY_BODY)));
	}

	/**
	 * graphql-java executes a subscription sent here into a result whose data is the
	 * event stream, which Spring would serialize as if it were an answer; it is left
	 * unsubscribed, so nothing starts listening.
	 */
	@Override
	protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
		if (response.getExecutionResult().getData() instanceof Publisher<?>) {
			return ServerResponse.status(HttpStatus.NOT_ACCEPTABLE)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(SUBSCRIPTION_NEEDS_A_STREAM);
		}
		return super.prepareResponse(request, response);
	}

	private static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		HttpStatus refusal = RefusalStatus.of(response);
		return (refusal != null) ? refusal : super.selectResponseStatus(response, responseMediaType);
	}

}
