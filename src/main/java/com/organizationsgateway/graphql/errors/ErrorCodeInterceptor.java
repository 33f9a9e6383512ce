package com.organizationsgateway.graphql.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error that lacks an {@code extensions.code} one: graphql-java's
 * request-level errors (a document that does not parse or validate) never reach the
 * exception resolver, so they are classified here.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(ErrorCodeInterceptor::withCodes);
	}

	private static WebGraphQlResponse withCodes(WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.stream().allMatch(ErrorCodeInterceptor::hasCode)) {
			return response;
		}
		List<GraphQLError> coded = errors.stream().map((error) -> hasCode(error) ? error : withCode(error)).toList();
		return response.transform((builder) -> builder.errors(coded));
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey(ErrorCode.EXTENSION);
	}

	private static GraphQLError withCode(GraphQLError error) {
		ErrorCode code = codeFor(error);
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put(ErrorCode.EXTENSION, code.name());
		// Unresolved failures keep graphql-java's or Spring's message only when it is the
		// client's own doing; anything else could describe server internals.
		String message = (code == ErrorCode.INTERNAL) ? "Internal error" : error.getMessage();
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(code)
			.extensions(extensions)
			.build();
	}

	static ErrorCode codeFor(GraphQLError error) {
		ErrorClassification classification = error.getErrorType();
		Object name = (classification != null) ? classification.toSpecification(error) : null;
		// graphql-java's own refusals, classified by name only
		if ("IntrospectionDisabled".equals(name)) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		if ("BadFaithIntrospection".equals(name)) {
			return ErrorCode.LIMIT_EXCEEDED;
		}
		if (classification == ErrorType.InvalidSyntax) {
			return ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		if (classification == ErrorType.ValidationError) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		// graphql-java's depth and complexity limits abort the execution before it starts
		if (classification == ErrorType.ExecutionAborted) {
			return ErrorCode.LIMIT_EXCEEDED;
		}
		return ErrorCode.INTERNAL;
	}

}
