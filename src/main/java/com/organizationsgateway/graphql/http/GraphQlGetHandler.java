package com.organizationsgateway.graphql.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.organizationsgateway.graphql.documents.DocumentCache;
import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Runs GraphQL queries sent as {@code GET /graphql?query=…&variables=…&operationName=…},
 * as the GraphQL-over-HTTP spec allows, through the same {@link WebGraphQlHandler} (so
 * the same interceptors and error mapping) and with the same status and media type rules
 * as POST. Persisted documents run by {@code documentId} or by Apollo's persisted query
 * hash. Mutations and subscriptions are refused with 405, because GET must be safe, also
 * when only a document id or a hash names them.
 */
final class GraphQlGetHandler {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final WebGraphQlHandler graphQlHandler;

	private final JsonMapper jsonMapper;

	private final Responses responses;

	private final DocumentCache documents;

	private final Duration maxAge;

	GraphQlGetHandler(WebGraphQlHandler graphQlHandler, JsonMapper jsonMapper, DocumentCache documents) {
		this.graphQlHandler = graphQlHandler;
		this.jsonMapper = jsonMapper;
		this.responses = new Responses(graphQlHandler);
		this.documents = documents;
		this.maxAge = documents.persistedGetMaxAge();
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		if (!GraphQlMediaTypes.accepts(request, GraphQlMediaTypes.RESPONSE_TYPES)) {
			return ServerResponse.status(HttpStatus.NOT_ACCEPTABLE).build();
		}
		String operationName = request.queryParam("operationName").filter((name) -> !name.isBlank()).orElse(null);
		@Nullable Map<String, Object> variables = jsonObject(request, "variables");
		@Nullable Map<String, Object> extensions = jsonObject(request, "extensions");
		if (variables == null || extensions == null) {
			return requestError(request, HttpStatus.BAD_REQUEST,
					"The 'variables' and 'extensions' parameters must be JSON objects");
		}
		String query = request.queryParam("query").orElse("");
		String documentId = request.queryParam("documentId").filter((id) -> !id.isBlank()).orElse(null);
		Optional<String> persistedHash = DocumentCache.persistedQueryHash(extensions);
		if (query.isBlank() && persistedHash.isEmpty() && documentId == null) {
			return requestError(request, HttpStatus.BAD_REQUEST, "A GET request needs a 'query' or 'documentId' "
					+ "parameter, or a persisted query hash in 'extensions'");
		}
		if (documentId != null) {
			extensions = DocumentIdRequest.withDocumentId(extensions, documentId);
		}
		@Nullable Document document = (documentId != null) ? this.documents.listedDocument(documentId)
				: query.isBlank() ? this.documents.persistedDocument(persistedHash.get()) : parse(query);
		if (document != null && changesState(document, operationName)) {
			return requestError(request, HttpStatus.METHOD_NOT_ALLOWED,
					"Only queries can be sent with GET; send mutations and subscriptions with POST", HttpMethod.POST);
		}
		// A document id, or a hash, runs with graphql-java's marker for a missing
		// document; the document cache resolves it or refuses it.
		String text = query.isBlank() ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : query;
		DefaultGraphQlRequest body = new DefaultGraphQlRequest(text, operationName, variables, extensions);
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
				request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
		return this.graphQlHandler.handleRequest(graphQlRequest).flatMap((response) -> {
			if (persistedHash.isPresent() || documentId != null) {
				cacheHeaders(response);
			}
			return this.responses.render(request, response);
		});
	}

	/**
	 * A successful persisted query over GET may be kept by the client (never a shared
	 * cache: answers will depend on the caller once the gateway authenticates), if the
	 * operator allows it; anything else must not be kept.
	 */
	private void cacheHeaders(WebGraphQlResponse response) {
		HttpHeaders headers = response.getResponseHeaders();
		headers.setVary(List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION));
		boolean cacheable = response.isValid() && response.getErrors().isEmpty() && !this.maxAge.isZero();
		headers.setCacheControl(cacheable ? CacheControl.maxAge(this.maxAge).cachePrivate() : CacheControl.noStore());
	}

	/**
	 * The named parameter as a JSON object: empty when it is absent, null when it is
	 * anything but a JSON object.
	 */
	private @Nullable Map<String, Object> jsonObject(ServerRequest request, String name) {
		Optional<String> json = request.queryParam(name).filter((value) -> !value.isBlank());
		if (json.isEmpty()) {
			return Map.of();
		}
		try {
			return this.jsonMapper.readValue(json.get(), JSON_OBJECT);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The parsed document, or null when it does not parse: the execution then reports
	 * exactly that as a GraphQL error without running anything.
	 */
	private static @Nullable Document parse(String query) {
		try {
			return Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return null;
		}
	}

	/**
	 * Whether the operation that would run is a mutation or a subscription. One whose
	 * operation cannot be told is left to the execution, which reports that as an error.
	 */
	private static boolean changesState(Document document, @Nullable String operationName) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		List<OperationDefinition> selected = (operationName != null)
				? operations.stream().filter((operation) -> operationName.equals(operation.getName())).toList()
				: operations;
		return selected.size() == 1 && selected.get(0).getOperation() != OperationDefinition.Operation.QUERY;
	}

	private static Mono<ServerResponse> requestError(ServerRequest request, HttpStatus status, String message,
			HttpMethod... allow) {
		Map<String, Object> error = GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(ErrorCode.BAD_USER_INPUT)
			.extensions(Map.of(ErrorCode.EXTENSION, ErrorCode.BAD_USER_INPUT.name()))
			.build()
			.toSpecification();
		ServerResponse.BodyBuilder response = ServerResponse.status(status)
			.contentType(GraphQlMediaTypes.responseType(request));
		if (allow.length > 0) {
			response.allow(allow);
		}
		return response.bodyValue(Map.of("errors", List.of(error)));
	}

	/**
	 * Spring's POST handler, used only for the response it prepares (status by media
	 * type, response headers, body), so that a GET is answered exactly as the same POST
	 * would be.
	 */
	private static final class Responses extends RefusalAwareHttpHandler {

		Responses(WebGraphQlHandler graphQlHandler) {
			super(graphQlHandler);
		}

		Mono<ServerResponse> render(ServerRequest request, WebGraphQlResponse response) {
			return prepareResponse(request, response);
		}

	}

}
