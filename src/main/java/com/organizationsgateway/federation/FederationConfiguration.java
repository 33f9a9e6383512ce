package com.organizationsgateway.federation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Makes the schema an Apollo Federation 2 subgraph unless
 * {@code gateway.graphql.federation.enabled=false}: adds the {@code @key} directives,
 * which live outside Boot's schema location so that they are absent when off, and builds
 * the schema through Spring's {@link FederationSchemaFactory}, which serves
 * {@code _service} and routes {@code _entities} to the {@code @EntityMapping} methods.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederationProperties.class)
@ConditionalOnBooleanProperty(name = FederationConfiguration.ENABLED, matchIfMissing = true)
public class FederationConfiguration {

	/** The switch, for the beans of other features that exist only in a subgraph. */
	public static final String ENABLED = "gateway.graphql.federation.enabled";

	static final String ENTITY_SCHEMA = "graphql-federation/organization-entity.graphqls";

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	@Bean
	GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
		return (builder) -> builder.schemaResources(new ClassPathResource(ENTITY_SCHEMA))
			.schemaFactory(factory::createGraphQLSchema);
	}

	@Bean
	RepresentationErrors representationErrors() {
		return new RepresentationErrors();
	}

}
