package com.organizationsgateway.responsecache;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Allows a response to be kept only when it is a query's complete success: no errors, no
 * extensions (a stale field is reported in one) and no headers of its own. Outermost of
 * the interceptors, so that it judges the response as the client will see it.
 */
final class ResponseCacheInterceptor implements WebGraphQlInterceptor, Ordered {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getAttributes().get(Cacheability.ATTRIBUTE) instanceof Cacheability cacheability)) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext((response) -> {
			if (isCompleteQuerySuccess(response)) {
				cacheability.allow();
			}
		});
	}

	private static boolean isCompleteQuerySuccess(WebGraphQlResponse response) {
		return response.isValid() && response.getErrors().isEmpty() && response.getExtensions().isEmpty()
				&& response.getResponseHeaders().isEmpty() && Boolean.TRUE
					.equals(response.getExecutionInput().getGraphQLContext().get(QueryOperationInstrumentation.KEY));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
