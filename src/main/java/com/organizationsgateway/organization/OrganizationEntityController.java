package com.organizationsgateway.organization;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.federation.FederationConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.stereotype.Controller;

/**
 * Resolves the {@code Organization} entities a federation router asks for in
 * {@code _entities}, by {@code id} or by {@code externalId}, through the same cache and
 * per-operation DataLoader as {@code Query.organization}: repeated representations cost
 * one lookup, cached ones none. Present only while the gateway is a subgraph.
 */
@Controller
@ConditionalOnBooleanProperty(name = FederationConfiguration.ENABLED, matchIfMissing = true)
class OrganizationEntityController {

	private final OrganizationService service;

	private final List<DataFetcherExceptionResolver> errors;

	OrganizationEntityController(OrganizationService service, ObjectProvider<DataFetcherExceptionResolver> errors) {
		this.service = service;
		this.errors = errors.orderedStream().toList();
	}

	@EntityMapping
	CompletableFuture<Organization> organization(@Argument @Nullable String id, @Argument @Nullable String externalId,
			DataFetchingEnvironment environment) {
		return OrganizationLoads.cachedOrLoaded(this.service, environment, OrganizationKey.of(id, externalId));
	}

	/**
	 * Spring resolves an entity's failure only with exception handlers, so this one hands
	 * it to the gateway's one error mapping: an unknown organization is {@code NOT_FOUND}
	 * at its position in {@code _entities}, like everywhere else.
	 */
	@GraphQlExceptionHandler
	Mono<List<GraphQLError>> entityError(Throwable ex, DataFetchingEnvironment environment) {
		return Flux.fromIterable(this.errors)
			.concatMap((resolver) -> resolver.resolveException(ex, environment))
			.next();
	}

}
