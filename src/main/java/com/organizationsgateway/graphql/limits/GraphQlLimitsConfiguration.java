package com.organizationsgateway.graphql.limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

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
	MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(GraphQlLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(GraphQlLimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), new UpstreamCostCalculator());
	}

	@Bean
	ParserLimitsInterceptor parserLimitsInterceptor(GraphQlLimitsProperties limits) {
		return new ParserLimitsInterceptor(limits);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	RequestSizeFilter graphQlRequestSizeFilter(GraphQlLimitsProperties limits, GraphQlProperties graphQl) {
		return new RequestSizeFilter(graphQl.getHttp().getPath(), limits.maxRequestSize().toBytes());
	}

}
