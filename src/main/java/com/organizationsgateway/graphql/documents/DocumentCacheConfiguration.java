package com.organizationsgateway.graphql.documents;

import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the {@link DocumentCache} as graphql-java's document provider. graphql-java
 * takes only one, so the parsed-document cache and persisted queries are the same bean.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCacheConfiguration {

	@Bean
	DocumentCache documentCache(DocumentProperties properties, ParserOptions operationParserOptions,
			MeterRegistry registry) {
		return new DocumentCache(properties, operationParserOptions, registry);
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache documentCache) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documentCache));
	}

}
