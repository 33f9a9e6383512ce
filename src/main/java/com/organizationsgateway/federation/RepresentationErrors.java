package com.organizationsgateway.federation;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * An {@code _entities} representation that names no entity of this subgraph (a wrong or
 * missing {@code __typename}) is the caller's mistake: {@code BAD_USER_INPUT} at its
 * position, instead of Spring's internal error carrying the framework's message.
 */
@ControllerAdvice
class RepresentationErrors {

	@GraphQlExceptionHandler
	GraphQLError representation(RepresentationException ex, DataFetchingEnvironment environment) {
		Object typename = (ex.getRepresentation() != null) ? ex.getRepresentation().get("__typename") : null;
		String message = (typename instanceof String name)
				? "This subgraph resolves no entity of type " + name + " from this representation"
				: "The representation has no __typename";
		return GraphqlErrorBuilder.newError(environment)
			.errorType(ErrorCode.BAD_USER_INPUT)
			.message(message)
			.extensions(Map.of(ErrorCode.EXTENSION, ErrorCode.BAD_USER_INPUT.name()))
			.build();
	}

}
