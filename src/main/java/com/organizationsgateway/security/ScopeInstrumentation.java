package com.organizationsgateway.security;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import graphql.ExecutionResult;
import org.jspecify.annotations.Nullable;

import com.organizationsgateway.graphql.errors.ErrorCode;

/**
 * Refuses an operation before any field runs, so before any upstream call, when the
 * caller lacks its scope: queries and subscriptions need {@code organizations:read},
 * mutations {@code organizations:write}. It acts on the operation that is really
 * executed, also for persisted queries, and fails closed: no scopes handed over means
 * none granted.
 */
final class ScopeInstrumentation extends SimplePerformantInstrumentation {

	static final String REQUIRED_SCOPE = "requiredScope";

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		OperationDefinition.Operation operation = parameters.getExecutionContext()
			.getOperationDefinition()
			.getOperation();
		String required = (operation == OperationDefinition.Operation.MUTATION) ? Scopes.WRITE : Scopes.READ;
		GrantedScopes granted = parameters.getExecutionContext().getGraphQLContext().get(GrantedScopes.KEY);
		if (granted == null || !granted.scopes().contains(required)) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.message("This operation needs the scope " + required)
				.errorType(ErrorCode.FORBIDDEN)
				.extensions(Map.of(ErrorCode.EXTENSION, ErrorCode.FORBIDDEN.name(), REQUIRED_SCOPE, required))
				.build()));
		}
		return super.beginExecuteOperation(parameters, state);
	}

}
