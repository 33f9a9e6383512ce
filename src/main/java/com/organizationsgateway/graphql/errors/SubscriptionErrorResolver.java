package com.organizationsgateway.graphql.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Errors that end a running subscription, which {@link GraphQlErrorResolver} never sees:
 * each gets an {@link ErrorCode} like every other error, and no internals.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception) {
		if (exception instanceof InvalidInputException invalid) {
			// Spring hands a subscription handler's own exception here, not to the
			// data fetcher resolvers: arguments refused before subscribing.
			return error(ErrorCode.BAD_USER_INPUT, invalid.getMessage(),
					Map.of("fieldErrors", invalid.fieldErrors().stream().map(InputFieldError::toExtension).toList()));
		}
		if (exception instanceof SubscriptionOverflowException overflow) {
			return error(ErrorCode.LIMIT_EXCEEDED, overflow.getMessage(), Map.of());
		}
		logger.error("A subscription failed", exception);
		return error(ErrorCode.INTERNAL, "Internal error", Map.of());
	}

	private static GraphQLError error(ErrorCode code, String message, Map<String, Object> extensions) {
		Map<String, Object> all = new LinkedHashMap<>(extensions);
		all.put(ErrorCode.EXTENSION, code.name());
		return GraphqlErrorBuilder.newError().errorType(code).message(message).extensions(all).build();
	}

}
