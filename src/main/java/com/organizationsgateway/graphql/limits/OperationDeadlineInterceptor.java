package com.organizationsgateway.graphql.limits;

import java.time.Duration;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import com.organizationsgateway.graphql.errors.ErrorCode;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Bounds every operation by {@code gateway.graphql.limits.operation-timeout}: when it
 * runs over, the client gets an UPSTREAM_UNAVAILABLE error instead of waiting, and the
 * execution is cancelled (Spring for GraphQL passes the cancellation on to reactive data
 * fetchers).
 */
@Component
class OperationDeadlineInterceptor implements WebGraphQlInterceptor {

	private final Duration timeout;

	OperationDeadlineInterceptor(GraphQlLimitsProperties limits) {
		this.timeout = limits.operationTimeout();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).timeout(this.timeout, Mono.fromSupplier(() -> deadlineExceeded(request)));
	}

	private WebGraphQlResponse deadlineExceeded(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorCode.UPSTREAM_UNAVAILABLE)
				.message("The operation did not complete within " + this.timeout.toMillis()
						+ " ms; the upstream Organizations API is too slow")
				.extensions(java.util.Map.of(ErrorCode.EXTENSION, ErrorCode.UPSTREAM_UNAVAILABLE.name()))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
