package com.organizationsgateway.observability;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring's GraphQL observations for whole operations only: {@code graphql.request}
 * ({@code graphql_request_seconds} and its span) as before, but no observation of each
 * data fetcher and no DataLoader registry rebuilt around an observing instrumentation on
 * every request. Those cost a measurable share of a warm read (see
 * {@code docs/performance.md}) and tell little here, where each operation runs one
 * resolver whose upstream calls are timed anyway ({@code http_client_requests_seconds}).
 */
class OperationObservationInstrumentation extends GraphQlObservationInstrumentation {

	OperationObservationInstrumentation(ObservationRegistry observationRegistry) {
		super(observationRegistry);
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return executionInput;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return dataFetcher;
	}

}
