package com.organizationsgateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * When any field was answered from a stale cache entry because the upstream failed,
 * reports those fields in {@code extensions.stale}.
 */
@Component
class StaleFieldsInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			StaleFields stale = StaleFields.of(response.getExecutionInput().getGraphQLContext());
			return (stale != null) ? withStale(response, stale) : response;
		});
	}

	private static WebGraphQlResponse withStale(WebGraphQlResponse response, StaleFields stale) {
		Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
		extensions.put(StaleFields.EXTENSION, stale.toExtension());
		return response.transform((builder) -> builder.extensions(extensions));
	}

}
