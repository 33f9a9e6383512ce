package com.organizationsgateway.graphql.http;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.graphql.documents.DocumentCache;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What the gateway adds to Spring's GraphQL endpoint for GraphQL-over-HTTP conformance:
 * queries over GET, 406 for a POST whose {@code Accept} allows no GraphQL response
 * (Spring would answer 415, as if the body were at fault), and persisted documents: a
 * {@code documentId} in POST bodies and GET parameters, and Apollo Router's statuses for
 * the trusted documents' refusals.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpRoutes {

	private static final RequestPredicate GRAPHQL_BODY_TYPES = RequestPredicates.contentType(MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("application/graphql"));

	/**
	 * The body types Spring's POST route reads; other bodies, and a Content-Type that
	 * does not even parse (an unknown charset, say), keep Spring's 415.
	 */
	private static final RequestPredicate READABLE_BODY = (request) -> {
		try {
			return GRAPHQL_BODY_TYPES.test(request);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	};

	private static final String GRAPHIQL_OFF = "GraphiQL is off: this gateway runs only trusted documents sent by "
			+ "id (gateway.graphql.trusted-documents.mode=require-id), so nothing typed into it could run.\n";

	/** What a POST may be answered with: a GraphQL response, or Spring's SSE stream. */
	private static final List<MediaType> POST_RESPONSE_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);

	/**
	 * Ahead of Boot's {@code graphQlRouterFunction} ({@code @Order(0)}), which answers
	 * every GET with 405 and every POST it cannot serve with 415.
	 */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphQlConformanceRoutes(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper,
			GraphQlProperties properties, DocumentCache documentCache) {
		String path = properties.getHttp().getPath();
		GraphQlGetHandler getHandler = new GraphQlGetHandler(webGraphQlHandler, jsonMapper, documentCache);
		RouterFunctions.Builder routes = RouterFunctions.route()
			.GET(path, getHandler::handle)
			.POST(path, READABLE_BODY.and((request) -> !GraphQlMediaTypes.accepts(request, POST_RESPONSE_TYPES)),
					(request) -> ServerResponse.status(HttpStatus.NOT_ACCEPTABLE).build());
		if (documentCache.requiresDocumentIds() && properties.getGraphiql().isEnabled()) {
			// Nothing typed into GraphiQL could run, not even its schema introspection.
			routes.GET(properties.getGraphiql().getPath(),
					(request) -> ServerResponse.status(HttpStatus.NOT_FOUND)
						.contentType(MediaType.TEXT_PLAIN)
						.bodyValue(GRAPHIQL_OFF));
		}
		return routes.build();
	}

	/**
	 * Spring's POST handler with the trusted documents' refusal statuses; Boot's own
	 * backs off when this bean exists.
	 */
	@Bean
	GraphQlHttpHandler refusalAwareGraphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
		return new RefusalAwareHttpHandler(webGraphQlHandler);
	}

	/**
	 * POST and SSE bodies are read as {@link DocumentIdRequest}, Spring's request body
	 * with {@code documentId}: Spring reads them with the application's JSON mapper.
	 */
	@Bean
	JsonMapperBuilderCustomizer documentIdRequestBody() {
		return (builder) -> builder.addMixIn(SerializableGraphQlRequest.class, ReadAsDocumentIdRequest.class);
	}

	@JsonDeserialize(as = DocumentIdRequest.class)
	private interface ReadAsDocumentIdRequest {

	}

}
