package com.organizationsgateway.responsecache;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Notes in the {@code GraphQLContext} that the operation executed is a query: only the
 * operation actually chosen from the document tells, and only a query's response may be
 * replayed.
 */
final class QueryOperationInstrumentation extends SimplePerformantInstrumentation {

	static final String KEY = QueryOperationInstrumentation.class.getName() + ".query";

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() == Operation.QUERY) {
			parameters.getExecutionContext().getGraphQLContext().put(KEY, Boolean.TRUE);
		}
		return super.beginExecuteOperation(parameters, state);
	}

}
