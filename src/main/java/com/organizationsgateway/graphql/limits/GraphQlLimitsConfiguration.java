package com.organizationsgateway.graphql.limits;

import graphql.parser.ParserOptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The operation limits of {@link GraphQlLimitsProperties}: depth and complexity are
 * checked on the parsed operation before execution, the token limit while parsing, and
 * the body size before the body is read. Refusals carry {@code LIMIT_EXCEEDED}, or
 * {@code GRAPHQL_PARSE_FAILED} for the token limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
class GraphQlLimitsConfiguration {

	@Bean
	OperationLimitsInstrumentation operationLimitsInstrumentation(GraphQlLimitsProperties limits) {
		return new OperationLimitsInstrumentation(limits.maxDepth(), limits.maxComplexity());
	}

	/**
	 * The parser's limits, which the document cache hands to graphql-java when it parses
	 * a document it has not seen.
	 */
	@Bean
	ParserOptions operationParserOptions(GraphQlLimitsProperties limits) {
		return ParserOptions.getDefaultOperationParserOptions()
			.transform((builder) -> builder.maxTokens(limits.maxTokens())
				.maxCharacters((int) Math.min(Integer.MAX_VALUE, limits.maxRequestSize().toBytes())));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	RequestSizeFilter graphQlRequestSizeFilter(GraphQlLimitsProperties limits, GraphQlProperties graphQl) {
		return new RequestSizeFilter(graphQl.getHttp().getPath(), limits.maxRequestSize().toBytes());
	}

}
