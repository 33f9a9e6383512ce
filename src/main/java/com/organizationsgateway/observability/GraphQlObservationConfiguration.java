package com.organizationsgateway.observability;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes GraphQL operations but not each data fetcher, unless
 * {@code gateway.graphql.observations.data-fetchers=true}; then Boot's own
 * instrumentation, which backs off when this one exists, observes both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlObservationProperties.class)
class GraphQlObservationConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "gateway.graphql.observations.data-fetchers", havingValue = false,
			matchIfMissing = true)
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry observationRegistry) {
		return new OperationObservationInstrumentation(observationRegistry);
	}

}
