package com.organizationsgateway.graphql.documents;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.organizationsgateway.workos.WorkOsProperties;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Installs the {@link DocumentCache} as graphql-java's document provider. graphql-java
 * takes only one, so the parsed-document cache, persisted queries and the trusted
 * documents are the same bean; the trusted documents' manifests are loaded once the
 * schema they are checked against exists.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCacheConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DocumentCacheConfiguration.class);

	@Bean
	TrustedDocuments trustedDocuments(TrustedDocumentsProperties properties, WorkOsProperties workOs,
			MeterRegistry registry) {
		TrustedDocumentsMode mode = properties.effectiveMode(workOs.hasApiKey());
		if (mode == TrustedDocumentsMode.OFF && !properties.manifests().isEmpty()) {
			logger.warn("Trusted documents: manifests are configured ({}) but the mode is off{}, so they are not "
					+ "loaded and every document runs; set gateway.graphql.trusted-documents.mode to log-unknown, "
					+ "safelist or require-id", properties.manifests(),
					(properties.mode() == null) ? " (the default in local mode)" : "");
		}
		if (mode != TrustedDocumentsMode.OFF && properties.manifests().isEmpty()) {
			throw new TrustedDocumentsException(List.of("gateway.graphql.trusted-documents.mode is " + mode.setting()
					+ " but gateway.graphql.trusted-documents.manifests names no manifest"));
		}
		return new TrustedDocuments(mode, new HashSet<>(properties.clientNames()), properties.maxClientNames(),
				registry);
	}

	@Bean
	DocumentCache documentCache(DocumentProperties properties, TrustedDocuments trustedDocuments,
			ParserOptions operationParserOptions, MeterRegistry registry) {
		return new DocumentCache(properties, trustedDocuments, operationParserOptions, registry);
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache documentCache) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documentCache));
	}

	@Bean
	ClientNameInterceptor trustedDocumentsClientNameInterceptor(TrustedDocuments trustedDocuments) {
		return new ClientNameInterceptor(trustedDocuments);
	}

	/** Nothing to load, and nothing to watch, while the trusted documents are off. */
	@Bean
	TrustedDocumentsLoader trustedDocumentsLoader(TrustedDocumentsProperties properties,
			TrustedDocuments trustedDocuments, GraphQlSource graphQlSource, MeterRegistry registry) {
		List<Path> paths = (trustedDocuments.mode() != TrustedDocumentsMode.OFF)
				? properties.manifests().stream().map(Path::of).toList() : List.of();
		return new TrustedDocumentsLoader(paths, properties.reloadInterval(), graphQlSource.schema(), trustedDocuments,
				registry);
	}

}
