package com.organizationsgateway.graphql.http;

import java.util.Map;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Subscriptions over Server-Sent Events (POST with {@code Accept: text/event-stream}),
 * with Boot's settings ({@code spring.graphql.http.sse.*}). Spring's handler answers an
 * operation that ends before it streams (an invalid argument, a missing scope) with a
 * generic "SSE handler supports only subscriptions"; here the client gets the real errors
 * instead, as one {@code next} event followed by {@code complete}, as the
 * GraphQL-over-SSE protocol does for a single result.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSseHandlerConfiguration {

	@Bean
	GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties) {
		return new ErrorAwareSseHandler(webGraphQlHandler, properties);
	}

	private static final class ErrorAwareSseHandler extends GraphQlSseHandler {

		ErrorAwareSseHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
			super(handler, properties.getHttp().getSse().getTimeout(), properties.getHttp().getSse().getKeepAlive());
		}

		@Override
		protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
			if (response.getData() instanceof Publisher<?>) {
				return super.prepareResponse(request, response);
			}
			Flux<ServerSentEvent<Map<String, Object>>> events = Flux.just(
					ServerSentEvent.<Map<String, Object>>builder(response.toMap()).event("next").build(),
					ServerSentEvent.<Map<String, Object>>builder(Map.of()).event("complete").build());
			return ServerResponse.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(events));
		}

	}

}
