package com.organizationsgateway.graphql.limits;

import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Gives the parser of each request the gateway's token limit, through the request's
 * {@code GraphQLContext}, where graphql-java looks for it. A document over the limit is
 * refused as {@code GRAPHQL_PARSE_FAILED} before it is fully read.
 */
final class ParserLimitsInterceptor implements WebGraphQlInterceptor {

	private final ParserOptions options;

	ParserLimitsInterceptor(GraphQlLimitsProperties limits) {
		this.options = ParserOptions.getDefaultOperationParserOptions()
			.transform((builder) -> builder.maxTokens(limits.maxTokens())
				.maxCharacters((int) Math.min(Integer.MAX_VALUE, limits.maxRequestSize().toBytes())));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(ParserOptions.class, this.options);
			return input;
		});
		return chain.next(request);
	}

}
